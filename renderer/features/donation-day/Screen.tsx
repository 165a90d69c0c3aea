import { useEffect, useState } from 'react';
import type { CheckinHit } from '../../../shared/ipc/channels/donation-day';
import { api } from '../../api';
import { useCampaign } from '../../app/campaign-context';
import { useLoad } from '../../components/hooks';
import { formatDate, formatNumber } from '../../components/format';
import { EmptyState, PageHeader } from '../../components/ui';
import { CheckinPanel } from './CheckinPanel';
import { ResultsImport } from './ResultsImport';
import { WalkInForm } from './WalkInForm';
import './donation-day.css';

function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** "Ngày hiến máu": check-in at the desk, outcomes, walk-ins, and the blood facility's result list. */
export function DonationDayScreen() {
  const { current } = useCampaign();
  const [tab, setTab] = useState<'checkin' | 'results'>('checkin');
  const [walkIn, setWalkIn] = useState(false);
  const [tick, setTick] = useState(0);
  const [added, setAdded] = useState<CheckinHit | null>(null);
  const today = localToday();
  const stats = useLoad(() => api.donationDay.stats({ campaignId: current?.id ?? 0 }), [current?.id, tick]);
  const units = useLoad(() => api.units.list({}), []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && e.key.toLowerCase() === 'n') {
        e.preventDefault();
        setWalkIn(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  if (!current) {
    return (
      <section>
        <PageHeader title="Ngày hiến máu" />
        <EmptyState title="Chưa có đợt hiến máu" action={<a className="button primary" href="#/dot-hien-mau">Tạo đợt hiến máu</a>}>
          Tạo đợt và nhập danh sách đăng ký trước ngày hiến máu; tại đây sẽ tìm nhanh người đến và ghi kết quả.
        </EmptyState>
      </section>
    );
  }
  const s = stats.data;
  const changed = () => setTick((t) => t + 1);
  return (
    <section>
      <PageHeader
        title="Ngày hiến máu"
        subtitle={`${current.name}${current.donationDates.length ? ` — ${current.donationDates.map(formatDate).join(', ')}` : ''}${current.place ? ` — ${current.place}` : ''}`}
        actions={<button className="primary" onClick={() => setWalkIn(true)} title="Alt+N">+ Người hiến tại chỗ</button>}
      />
      {s && (
        <div className="cards">
          <div className="card"><div className="muted">Đăng ký</div><div className="stat">{formatNumber(s.registered)}</div><div className="muted">trong đó tại chỗ {formatNumber(s.walkIns)}</div></div>
          <div className="card"><div className="muted">Đã đến</div><div className="stat">{formatNumber(s.came)}</div></div>
          <div className="card"><div className="muted">Đã hiến</div><div className="stat">{formatNumber(s.donated)}</div><div className="muted">250 ml: {s.byVolume[250]} · 350 ml: {s.byVolume[350]} · 450 ml: {s.byVolume[450]}</div></div>
          <div className="card"><div className="muted">Hoãn hiến</div><div className="stat">{formatNumber(s.deferred)}</div></div>
        </div>
      )}
      <div className="tabs" role="tablist">
        <button role="tab" aria-selected={tab === 'checkin'} className={tab === 'checkin' ? 'active' : ''} onClick={() => setTab('checkin')}>Đón tiếp và ghi kết quả</button>
        <button role="tab" aria-selected={tab === 'results'} className={tab === 'results' ? 'active' : ''} onClick={() => setTab('results')}>Nhập kết quả từ cơ sở tiếp nhận máu</button>
      </div>
      {tab === 'checkin' ? (
        <CheckinPanel campaignId={current.id} today={today} onChanged={changed} refreshKey={tick} openPerson={added} />
      ) : (
        <ResultsImport campaignId={current.id} today={today} onChanged={changed} />
      )}
      {walkIn && (
        <WalkInForm
          campaignId={current.id}
          units={units.data ?? []}
          today={today}
          onClose={() => setWalkIn(false)}
          onDone={(h) => { setWalkIn(false); setTab('checkin'); setAdded(h); changed(); }}
        />
      )}
    </section>
  );
}
