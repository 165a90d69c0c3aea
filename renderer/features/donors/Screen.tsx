import { useEffect, useState } from 'react';
import { api } from '../../api';
import { useCampaign } from '../../app/campaign-context';
import { useLoad } from '../../components/hooks';
import { formatNumber } from '../../components/format';
import { ErrorBanner, Modal, PageHeader } from '../../components/ui';
import { DonorList } from './DonorList';
import { EligiblePanel, MilestonesPanel, RarePanel } from './ListsPanels';
import { PersonPanel } from './PersonPanel';
import { useDonorPages } from './useDonorPages';
import './donors.css';

type Tab = 'search' | 'eligible' | 'rare' | 'milestones';
const TABS: [Tab, string][] = [['search', 'Tra cứu'], ['eligible', 'Đủ điều kiện hiến lại'], ['rare', 'Nhóm máu hiếm & dự bị'], ['milestones', 'Mốc vinh danh']];

/** "Người hiến máu": the registry over the years, a person's page, and the office's standing lists. */
export function DonorsScreen() {
  const { current } = useCampaign();
  const [tab, setTab] = useState<Tab>('search');
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [bloodGroup, setBloodGroup] = useState('');
  const [rhNegative, setRhNegative] = useState(false);
  const [reserve, setReserve] = useState(false);
  const [unitId, setUnitId] = useState<number | null>(null);
  const [minDonations, setMinDonations] = useState(0);
  const [open, setOpen] = useState<number | null>(null);
  const units = useLoad(() => api.units.list({}), []);
  useEffect(() => {
    const t = setTimeout(() => setQ(typed), 150);
    return () => clearTimeout(t);
  }, [typed]);
  const query = { q, bloodGroup: bloodGroup || null, rhNegative, reserve, unitId, minDonations };
  const pages = useDonorPages(query);

  return (
    <section>
      <PageHeader title="Người hiến máu" subtitle="Tất cả những người đã đăng ký hoặc hiến máu qua các đợt." />
      <div className="tabs" role="tablist">
        {TABS.map(([k, label]) => <button key={k} role="tab" aria-selected={tab === k} className={tab === k ? 'active' : ''} onClick={() => setTab(k)}>{label}</button>)}
      </div>
      {tab === 'search' && (
        <>
          <div className="toolbar">
            <input autoFocus aria-label="Tìm người hiến máu" placeholder="Tên (không cần dấu), điện thoại hoặc CCCD…" value={typed} onChange={(e) => setTyped(e.target.value)} style={{ minWidth: 280 }} />
            <select aria-label="Nhóm máu" value={bloodGroup} onChange={(e) => setBloodGroup(e.target.value)}>
              <option value="">Mọi nhóm máu</option>
              {['O', 'A', 'B', 'AB'].map((g) => <option key={g} value={g}>{g}</option>)}
            </select>
            <label className="check"><input type="checkbox" checked={rhNegative} onChange={(e) => setRhNegative(e.target.checked)} /> Rh âm</label>
            <label className="check"><input type="checkbox" checked={reserve} onChange={(e) => setReserve(e.target.checked)} /> Dự bị</label>
            <select aria-label="Đơn vị" value={unitId ?? ''} onChange={(e) => setUnitId(e.target.value ? Number(e.target.value) : null)}>
              <option value="">Mọi đơn vị</option>
              {(units.data ?? []).map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
            </select>
            <label className="check">Hiến từ
              <input type="number" min={0} aria-label="Số lần hiến tối thiểu" value={minDonations} onChange={(e) => setMinDonations(Math.max(0, Number(e.target.value) || 0))} style={{ width: 70 }} /> lần
            </label>
            <span className="muted">{pages.total === null ? 'Đang tải…' : `${formatNumber(pages.total)} người`}</span>
          </div>
          <ErrorBanner message={pages.error} />
          <div className="dn-layout">
            <DonorList resetKey={JSON.stringify(query)} total={pages.total ?? 0} itemAt={pages.itemAt} ensure={pages.ensure} selectedId={open} onOpen={setOpen} />
            {open !== null ? <PersonPanel id={open} onChanged={pages.reload} /> : <div className="card muted">Chọn một người để xem hồ sơ: thông tin, đơn vị, lịch sử hiến máu, giấy chứng nhận và vinh danh.</div>}
          </div>
        </>
      )}
      {tab === 'eligible' && (current ? <EligiblePanel campaignId={current.id} units={units.data ?? []} onOpen={setOpen} /> : <p className="muted">Hãy tạo đợt hiến máu tiếp theo để lập danh sách.</p>)}
      {tab === 'rare' && <RarePanel onOpen={setOpen} />}
      {tab === 'milestones' && <MilestonesPanel onOpen={setOpen} />}
      {tab !== 'search' && open !== null && (
        <Modal title="Hồ sơ người hiến máu" onClose={() => setOpen(null)}><PersonPanel id={open} onChanged={() => undefined} /></Modal>
      )}
    </section>
  );
}
