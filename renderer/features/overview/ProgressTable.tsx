import type { ProgressFigures, ProgressReport } from '../../../shared/ipc/channels/progress';
import { formatNumber, formatPercent } from '../../components/format';

function Cells({ f }: { f: ProgressFigures }) {
  const pctClass = (v: number | null) => (v === null ? '' : v >= 100 ? 'agree' : v < 50 ? 'sev-warning' : '');
  return (
    <>
      <td className="num">{formatNumber(f.quotaRegistrants)}</td>
      <td className="num">{formatNumber(f.quotaBloodUnits)}</td>
      <td className="num">{formatNumber(f.registered)}</td>
      <td className="num">{formatNumber(f.afterDuplicates)}</td>
      <td className="num">{formatNumber(f.donated)}</td>
      <td className="num">{formatNumber(f.deferred)}</td>
      <td className={`num ${pctClass(f.percentRegistrants)}`}>{formatPercent(f.percentRegistrants)}</td>
      <td className={`num ${pctClass(f.percentBloodUnits)}`}>{formatPercent(f.percentBloodUnits)}</td>
    </>
  );
}

const HEAD = ['CT người ĐK', 'CT đơn vị máu', 'Đăng ký nhận', 'Sau lọc trùng', 'Đã hiến', 'Hoãn', '% CT đăng ký', '% CT máu'];

/** The progress table: per unit, group subtotals when asked, and the total row. */
export function ProgressTable({ report }: { report: ProgressReport }) {
  return (
    <div style={{ overflowX: 'auto', marginBottom: 16 }}>
      <table className="table" aria-label="Tiến độ theo đơn vị">
        <thead>
          <tr><th>Đơn vị</th>{HEAD.map((h) => <th key={h} className="num">{h}</th>)}<th>Danh sách</th></tr>
        </thead>
        <tbody>
          {report.rows.map((r) => (
            <tr key={r.unitId ?? 'none'}>
              <td>{r.unitName}</td>
              <Cells f={r} />
              <td>{r.unitId === null ? '' : r.listReceived ? 'Đã gửi' : <span className="muted">Chưa gửi</span>}</td>
            </tr>
          ))}
          {report.groups.map((g) => (
            <tr key={`g-${g.key}`} style={{ background: '#fafbfc' }}>
              <td><em>Cộng {g.label}</em></td>
              <Cells f={g} />
              <td />
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr style={{ fontWeight: 700 }}>
            <td>Tổng cộng</td>
            <Cells f={report.total} />
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
