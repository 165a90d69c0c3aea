import { useEffect, useState } from 'react';
import { ErrorBanner } from '../components/ui';
import { CampaignProvider, useCampaign } from './campaign-context';
import { ROUTES } from './routes';
import { FirstRunScreen } from '../features/first-run/Screen';
import { LockGate } from '../features/backup/LockGate';
import { RecoveryScreen } from '../features/backup/RecoveryScreen';
import { api, ApiFailure, call } from '../api';
import { FloatingValidation } from '../components/validation';
import { REVIEWS_CHANGED } from '../components/review-events';

function currentPath(): string {
  return window.location.hash.replace(/^#\/?/, '') || ROUTES[0].path;
}

function CampaignPicker() {
  const { campaigns, current, setCurrentId } = useCampaign();
  if (campaigns.length === 0) return <span className="muted">Chưa có đợt hiến máu</span>;
  return (
    <label className="campaign-picker">
      <span>Đợt đang làm việc</span>
      <select aria-label="Đợt đang làm việc" value={current?.id ?? ''} onChange={(e) => setCurrentId(Number(e.target.value))}>
        {campaigns.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
      </select>
    </label>
  );
}

/** Result rows waiting for the clerk, on the menu so they are not forgotten once the screen is left. */
function ReviewBadge({ path }: { path: string }) {
  const { current } = useCampaign();
  const [count, setCount] = useState(0);
  useEffect(() => {
    if (!current) return;
    let live = true;
    const load = () => void api.donationDay.reviewCount({ campaignId: current.id }).then((r) => live && r.ok && setCount(r.value.count));
    load();
    const t = setInterval(load, 5000);
    window.addEventListener(REVIEWS_CHANGED, load);
    return () => {
      live = false;
      clearInterval(t);
      window.removeEventListener(REVIEWS_CHANGED, load);
    };
  }, [current, path]);
  return count > 0 ? <span className="nav-badge" title={`${count} dòng kết quả cần chọn đúng người`} aria-label={`${count} dòng cần xem`}>{count}</span> : null;
}

function Shell({ officeName }: { officeName: string }) {
  const [path, setPath] = useState(currentPath);
  useEffect(() => {
    const on = () => setPath(currentPath());
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  const route = ROUTES.find((r) => r.path === path) ?? ROUTES[0];
  return (
    <CampaignProvider>
      <div className="shell">
        <nav className="sidebar" aria-label="Chức năng">
          <div className="brand">
            <span className="brand-drop" aria-hidden>●</span>
            <div>
              <strong>Giọt Hồng</strong>
              <small>{officeName}</small>
            </div>
          </div>
          <ul>
            {ROUTES.map((r) => (
              <li key={r.path}>
                <a href={`#/${r.path}`} className={r === route ? 'active' : ''} aria-current={r === route ? 'page' : undefined}>
                  <span className="nav-icon" aria-hidden>{r.icon}</span>
                  {r.label}
                  {r.path === 'ngay-hien-mau' && <ReviewBadge path={path} />}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div className="main">
          <div className="topbar"><CampaignPicker /></div>
          <main className="content"><route.Screen key={route.path} /></main>
        </div>
      </div>
    </CampaignProvider>
  );
}

type Boot = { state: 'loading' } | { state: 'recovery' } | { state: 'error'; message: string } | { state: 'ready'; firstRun: boolean; officeName: string };

export function App() {
  const [boot, setBoot] = useState<Boot>({ state: 'loading' });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    call(api.app.info({}))
      .then((i) => setBoot({ state: 'ready', firstRun: i.firstRun, officeName: i.office?.officeName ?? '' }))
      .catch((e: Error) => setBoot(e instanceof ApiFailure && e.code === 'DB_OPEN' ? { state: 'recovery' } : { state: 'error', message: e.message }));
  }, [tick]);
  if (boot.state === 'recovery') return <RecoveryScreen />;
  if (boot.state === 'error') return <div className="boot"><ErrorBanner message={boot.message} /></div>;
  if (boot.state === 'loading') return <div className="boot muted">Đang mở dữ liệu…</div>;
  return (
    <>
      <LockGate>
        {boot.firstRun ? <FirstRunScreen onDone={() => setTick((t) => t + 1)} /> : <Shell officeName={boot.officeName} />}
      </LockGate>
      <FloatingValidation />
    </>
  );
}
