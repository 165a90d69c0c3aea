import { creditRuleSentence } from '../../../shared/domain/credit-rule';
import { useEffect, useState } from 'react';
import { UNIT_KINDS } from '../../../shared/domain/unit-kinds';
import type { ProgressRow } from '../../../shared/ipc/channels/progress';
import { api, call } from '../../api';
import { useCampaign } from '../../app/campaign-context';
import { useAction, useLoad } from '../../components/hooks';
import { saveDownload } from '../../components/files';
import { formatDate, formatNumber, formatPercent } from '../../components/format';
import { EmptyState, ErrorBanner, PageHeader } from '../../components/ui';
import { CumulativeLine, QuotaBars } from './charts';
import { ProgressTable } from './ProgressTable';
import './overview.css';
import { deadlineText } from '../../../shared/domain/deadline-text';
import { MonthTable } from './MonthTable';

type GroupBy = 'none' | 'kind' | 'grouping';

/** "Tổng quan": progress of the current campaign per unit and in total, charts, filters, export. */
export function OverviewScreen() {
  const { current } = useCampaign();
  const [kind, setKind] = useState('');
  const [grouping, setGrouping] = useState('');
  const [groupBy, setGroupBy] = useState<GroupBy>('none');
  const [metric, setMetric] = useState<'blood' | 'people'>('blood');
  const query = { campaignId: current?.id ?? 0, kind: kind || null, grouping: grouping || null, groupBy };
  const report = useLoad(() => api.progress.get(query), [current?.id, kind, grouping, groupBy]);
  const { busy, error, setError, run } = useAction();
  const creditRule = useLoad(() => api.duplicates.getCreditRule({}), [current?.id]);
  // Lists keep arriving while the clerk watches: refresh every half minute.
  useEffect(() => {
    const t = setInterval(report.reload, 30_000);
    return () => clearInterval(t);
  }, [report.reload]);

  if (!current) {
    return (
      <section>
        <PageHeader title="Tổng quan" />
        <EmptyState title="Chưa có đợt hiến máu" action={<a className="button primary" href="#/dot-hien-mau">Tạo đợt hiến máu</a>}>
          Tạo một đợt, giao chỉ tiêu cho các đơn vị và nhập danh sách đăng ký; số liệu tiến độ sẽ hiện ở đây.
        </EmptyState>
      </section>
    );
  }
  const p = report.data;
  const exportExcel = () => run(async () => saveDownload(await call(api.progress.exportExcel(query))));
  const bars = (p?.rows ?? [])
    .filter((r) => r.unitId !== null)
    .map((r: ProgressRow) => (metric === 'blood' ? { label: r.unitName, value: r.donated, target: r.quotaBloodUnits } : { label: r.unitName, value: r.afterDuplicates, target: r.quotaRegistrants }));
  const days = p?.daysRemaining;
  return (
    <section>
      <PageHeader
        title="Tổng quan"
        subtitle={current.name}
        actions={<>
          <button onClick={report.reload} disabled={report.loading}>Làm mới</button>
          <button className="primary" onClick={exportExcel} disabled={busy || !p}>Xuất Excel</button>
        </>}
      />
      <ErrorBanner message={error ?? report.error} onClose={() => setError(null)} />
      {p && (
        <>
          <div className="cards">
            <div className="card"><div className="muted">Người đăng ký (sau lọc trùng)</div><div className="stat">{formatNumber(p.total.afterDuplicates)}</div><div className="muted">{p.targetRegistrants ? `chỉ tiêu ${formatNumber(p.targetRegistrants)}` : `nhận ${formatNumber(p.total.registered)} dòng`}</div></div>
            <div className="card"><div className="muted">Đơn vị máu đã tiếp nhận</div><div className="stat">{formatNumber(p.total.donated)}</div><div className="muted">{p.targetBloodUnits ? `chỉ tiêu ${formatNumber(p.targetBloodUnits)} (${formatPercent((p.total.donated / p.targetBloodUnits) * 100)})` : 'chưa đặt chỉ tiêu'}</div></div>
            <div className="card"><div className="muted">Hoãn hiến</div><div className="stat">{formatNumber(p.total.deferred)}</div></div>
            <div className="card">
              <div className="muted">Hạn gửi danh sách</div>
              <div className="stat">{deadlineText(days) ?? '—'}</div>
              <div className="muted">{p.deadline ? formatDate(p.deadline) : 'chưa đặt hạn'}</div>
            </div>
          </div>
          {creditRule.data && <p className="muted" role="note">{creditRuleSentence(creditRule.data.rule)} (đổi ở màn hình “Trùng lặp”)</p>}
          {p.unitsWithoutList.length > 0 && (
            <div className="banner banner-warn" role="status">
              <span><strong>{p.unitsWithoutList.length} đơn vị chưa gửi danh sách:</strong> {p.unitsWithoutList.map((u) => u.unitName).join('; ')}</span>
            </div>
          )}
          <div className="toolbar">
            <label className="check">Loại đơn vị
              <select aria-label="Lọc theo loại đơn vị" value={kind} onChange={(e) => setKind(e.target.value)}>
                <option value="">Tất cả</option>
                {p.kinds.map((k) => <option key={k} value={k}>{UNIT_KINDS[k as keyof typeof UNIT_KINDS] ?? k}</option>)}
              </select>
            </label>
            <label className="check">Cụm / nhóm
              <select aria-label="Lọc theo cụm" value={grouping} onChange={(e) => setGrouping(e.target.value)}>
                <option value="">Tất cả</option>
                {p.groupings.map((g) => <option key={g} value={g}>{g}</option>)}
              </select>
            </label>
            <label className="check">Cộng theo
              <select aria-label="Cộng theo nhóm" value={groupBy} onChange={(e) => setGroupBy(e.target.value as GroupBy)}>
                <option value="none">Không</option>
                <option value="kind">Loại đơn vị</option>
                <option value="grouping">Cụm / nhóm</option>
              </select>
            </label>
          </div>
          {p.rows.length === 0 ? (
            <EmptyState title="Chưa có chỉ tiêu hay danh sách nào" action={<a className="button" href="#/don-vi">Giao chỉ tiêu</a>}>
              Giao chỉ tiêu cho các đơn vị ở màn hình “Đơn vị &amp; chỉ tiêu”, rồi nhập danh sách đăng ký của từng đơn vị.
            </EmptyState>
          ) : (
            <>
              <ProgressTable report={p} />
              {p.months.length > 0 && <h2>Theo tháng của bảng chỉ tiêu</h2>}
              <MonthTable report={p} />
            </>
          )}
          <div className="overview-charts">
            <div className="card">
              <div className="toolbar">
                <h2 style={{ margin: 0 }}>Kết quả theo đơn vị so với chỉ tiêu</h2>
                <select aria-label="Chỉ số của biểu đồ" value={metric} onChange={(e) => setMetric(e.target.value as 'blood' | 'people')}>
                  <option value="blood">Đơn vị máu</option>
                  <option value="people">Người đăng ký</option>
                </select>
              </div>
              {bars.length ? <QuotaBars bars={bars} title={metric === 'blood' ? 'Đơn vị máu theo đơn vị so với chỉ tiêu' : 'Người đăng ký theo đơn vị so với chỉ tiêu'} /> : <p className="muted">Chưa có đơn vị nào.</p>}
            </div>
            <div className="card">
              <h2>Đăng ký nhận được theo ngày (luỹ kế)</h2>
              <CumulativeLine days={p.byDay} target={p.targetRegistrants} title="Số đăng ký luỹ kế theo ngày" />
            </div>
          </div>
        </>
      )}
    </section>
  );
}
