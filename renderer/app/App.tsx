import { useEffect, useState } from 'react';
import { api } from '../api';
import { useLoad } from '../components/hooks';
import { ErrorBanner } from '../components/ui';
import { CampaignProvider, useCampaign } from './campaign-context';
import { ROUTES } from './routes';
import { FirstRunScreen } from '../features/first-run/Screen';

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

export function App() {
  const info = useLoad(() => api.app.info({}), []);
  if (info.error) return <div className="boot"><ErrorBanner message={info.error} /></div>;
  if (!info.data) return <div className="boot muted">Đang mở dữ liệu…</div>;
  if (info.data.firstRun) return <FirstRunScreen onDone={info.reload} />;
  return <Shell officeName={info.data.office?.officeName ?? ''} />;
}
