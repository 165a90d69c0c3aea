import type { ProgressReport } from '../../../shared/ipc/channels/progress';
import { formatNumber } from '../../components/format';

const q = (n: number | null) => (n === null ? '—' : formatNumber(n));

/** The month split of the quota table ("Tháng 5 … Tháng 8"): each month's quota next to what came in for that month. */
export function MonthTable({ report }: { report: ProgressReport }) {
  if (!report.months.length) return null;
  const rows = [...report.rows.filter((r) => r.unitId !== null), { unitId: -1, unitName: 'Tổng cộng', months: report.monthTotals }];
  return (
    <div style={{ overflowX: 'auto', marginBottom: 16 }}>
      <table className="table" aria-label="Tiến độ theo tháng">
        <thead>
          <tr>
            <th rowSpan={2}>Đơn vị</th>
            {report.months.map((m) => <th key={m} colSpan={3} className="num">Tháng {m}</th>)}
          </tr>
          <tr>{report.months.map((m, i) => [<th key={`${m}q`} className="num">{report.monthTotals[i]?.quotaRegistrants === null ? 'CT đơn vị máu' : 'CT người ĐK'}</th>, <th key={`${m}r`} className="num">Đăng ký</th>, <th key={`${m}d`} className="num">Đã hiến</th>])}</tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.unitId} className={r.unitId === -1 ? 'total' : undefined}>
              <td>{r.unitName}</td>
              {r.months.map((m) => [
                <td key={`${m.month}q`} className="num">{q(m.quotaRegistrants ?? m.quotaBloodUnits)}</td>,
                <td key={`${m.month}r`} className="num">{formatNumber(m.registered)}</td>,
                <td key={`${m.month}d`} className="num">{formatNumber(m.donated)}</td>,
              ])}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
