import { useState } from 'react';
import type { DonorSummary } from '../../../shared/ipc/channels/donors';
import type { Unit } from '../../../shared/ipc/channels/units';
import { api, call } from '../../api';
import { saveDownload } from '../../components/files';
import { useAction, useLoad } from '../../components/hooks';
import { formatDate, formatNumber } from '../../components/format';
import { EmptyState, ErrorBanner, Notice } from '../../components/ui';
import { DateInput } from '../../components/DateInput';

function SimpleTable({ items, extra, onOpen }: { items: (DonorSummary & { milestone?: number })[]; extra?: (p: DonorSummary & { milestone?: number }) => React.ReactNode; onOpen(id: number): void }) {
  return (
    <div style={{ maxHeight: '60vh', overflow: 'auto' }}>
      <table className="table">
        <thead><tr><th>Họ và tên</th><th>Năm sinh</th><th>Nhóm máu</th><th>Đơn vị</th><th className="num">Số lần</th><th>Lần gần nhất</th><th>Điện thoại</th>{extra && <th />}</tr></thead>
        <tbody>
          {items.slice(0, 2000).map((p) => (
            <tr key={p.id}>
              <td><button className="link" onClick={() => onOpen(p.id)}>{p.fullName}</button>{p.reserve && <span className="dn-tag">Dự bị</span>}</td>
              <td>{formatDate(p.birthDate).slice(-4)}</td><td>{p.bloodGroup}</td><td>{p.unitName}</td>
              <td className="num">{formatNumber(p.donationCount)}</td><td>{formatDate(p.lastDonation)}</td><td>{p.phone}</td>
              {extra && <td>{extra(p)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
      {items.length > 2000 && <p className="muted">Hiển thị 2.000 người đầu; xuất Excel để có đủ danh sách.</p>}
    </div>
  );
}

/** Donors who may give again at the current campaign, per unit, exportable to send to the units. */
export function EligiblePanel({ campaignId, units, onOpen }: { campaignId: number; units: Unit[]; onOpen(id: number): void }) {
  const [unitId, setUnitId] = useState<number | null>(null);
  // '' = the default: the campaign's next donation day, else today
  const [asOf, setAsOf] = useState('');
  const list = useLoad(() => api.donors.eligible({ campaignId, unitId, asOf: asOf || null }), [campaignId, unitId, asOf]);
  const { busy, error, run } = useAction();
  const shownDate = asOf || list.data?.asOf || '';
  return (
    <div>
      <div className="toolbar">
        <label className="check">Tính đến ngày
          <DateInput label="Đủ điều kiện tính đến ngày" value={shownDate} onChange={setAsOf} />
        </label>
        <select aria-label="Đơn vị" value={unitId ?? ''} onChange={(e) => setUnitId(e.target.value ? Number(e.target.value) : null)}>
          <option value="">Tất cả đơn vị</option>
          {units.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
        </select>
        <button className="primary" disabled={busy} onClick={() => run(async () => saveDownload(await call(api.donors.exportEligible({ campaignId, unitId, asOf: asOf || null }))))}>Xuất Excel (mỗi đơn vị một trang)</button>
        {list.data && <span className="muted">{formatNumber(list.data.items.length)} người đủ điều kiện tính đến {formatDate(list.data.asOf)}</span>}
      </div>
      <ErrorBanner message={error ?? list.error} />
      {list.data && (list.data.items.length ? <SimpleTable items={list.data.items} onOpen={onOpen} /> : <EmptyState title="Chưa có ai">Người đã hiến máu, đủ khoảng cách từ lần hiến trước tính đến ngày {formatDate(list.data.asOf)} và trong độ tuổi của đợt sẽ có trong danh sách này. Có thể chọn ngày khác ở ô “Tính đến ngày”.</EmptyState>)}
    </div>
  );
}

export function RarePanel({ onOpen }: { onOpen(id: number): void }) {
  const list = useLoad(() => api.donors.rare({}), []);
  return (
    <div>
      <p className="muted">Người có nhóm máu hiếm (Rh âm) và người hiến máu dự bị, sẵn sàng khi có yêu cầu cấp cứu.</p>
      <ErrorBanner message={list.error} />
      {list.data && (list.data.items.length ? <SimpleTable items={list.data.items} onOpen={onOpen} /> : <EmptyState title="Chưa có ai">Đánh dấu “Người hiến máu dự bị” trong hồ sơ của từng người; người có nhóm máu Rh âm tự có trong danh sách.</EmptyState>)}
    </div>
  );
}

type Milestoned = DonorSummary & { milestone?: number; proposedOn?: string | null };

export function MilestonesPanel({ onOpen }: { onOpen(id: number): void }) {
  const list = useLoad(() => api.donors.milestones({}), []);
  const [text, setText] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, error, setError, run } = useAction();
  const shown = text ?? list.data?.milestones.join(', ') ?? '';
  const saveMilestones = () => run(async () => {
    const ms = shown.split(/[,;\s]+/).map(Number).filter((n) => Number.isInteger(n) && n > 0);
    await call(api.donors.setMilestones({ milestones: ms }));
    setText(null);
    list.reload();
  });
  const honour = (p: Milestoned, awarded: boolean) => run(async () => {
    await call(api.donors.markHonoured({ personId: p.id, milestone: p.milestone!, awarded }));
    setNotice(awarded ? `Đã ghi: ${p.fullName} đã được trao mốc ${p.milestone} lần.` : `Đã ghi đề nghị vinh danh ${p.fullName} mốc ${p.milestone} lần.`);
    list.reload();
  });
  return (
    <div>
      <div className="toolbar">
        <label className="check">Các mốc (số lần hiến)
          <input aria-label="Các mốc vinh danh" value={shown} onChange={(e) => setText(e.target.value)} style={{ width: 260 }} />
        </label>
        <button disabled={busy || text === null} onClick={saveMilestones}>Lưu các mốc</button>
      </div>
      <ErrorBanner message={error ?? list.error} onClose={() => setError(null)} />
      <Notice message={notice} />
      {list.data && (list.data.items.length
        ? <>
            <p className="muted">{formatNumber(list.data.items.length)} người đạt mốc, chưa được trao — cũng là danh sách in ở “In ấn → Danh sách đề nghị khen thưởng”.</p>
            <SimpleTable items={list.data.items} onOpen={onOpen} extra={(p) => {
              const m = p as Milestoned;
              return m.proposedOn
                ? <span>Mốc {m.milestone}: đã đề nghị {formatDate(m.proposedOn)} · <button className="link" disabled={busy} onClick={() => honour(m, true)}>Đã trao</button></span>
                : <button className="link" disabled={busy} onClick={() => honour(m, false)}>Đề nghị mốc {m.milestone}</button>;
            }} />
          </>
        : <EmptyState title="Chưa có ai đạt mốc mới">Người đạt một mốc (ví dụ 5, 10, 20 lần) mà chưa được trao sẽ hiện ở đây; số lần tính cả số lần tự khai trong danh sách đăng ký.</EmptyState>)}
    </div>
  );
}
