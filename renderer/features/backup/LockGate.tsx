import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { api, call } from '../../api';
import type { LockStatus } from '../../../shared/ipc/channels/security';

/**
 * Wraps the app: when the lock is on, shows the password screen at start and after the idle time
 * (the renderer's timer asks main to lock; main also refuses calls while locked).
 */
export function LockGate({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<LockStatus | null>(null);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const last = useRef(Date.now());

  const refresh = useCallback(() => {
    void api.security.lockStatus({}).then((r) => r.ok && setStatus(r.value));
  }, []);
  useEffect(() => {
    refresh();
    const touch = () => (last.current = Date.now());
    const events = ['mousemove', 'keydown', 'mousedown', 'wheel', 'touchstart'];
    for (const e of events) window.addEventListener(e, touch, { passive: true });
    window.addEventListener('giot-hong:locked', refresh);
    return () => {
      for (const e of events) window.removeEventListener(e, touch);
      window.removeEventListener('giot-hong:locked', refresh);
    };
  }, [refresh]);
  useEffect(() => {
    if (!status?.enabled || status.locked) return;
    const t = setInterval(() => {
      if (Date.now() - last.current > status.idleMinutes * 60_000) void api.security.lock({}).then((r) => r.ok && setStatus(r.value));
    }, 15_000);
    return () => clearInterval(t);
  }, [status]);

  if (!status) return null;
  if (!status.locked) return <>{children}</>;
  const unlock = async () => {
    try {
      setStatus(await call(api.security.unlock({ password })));
      setPassword('');
      setError(null);
      last.current = Date.now();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <div className="first-run">
      <form className="card first-run-card" style={{ maxWidth: 420 }} onSubmit={(e) => { e.preventDefault(); void unlock(); }}>
        <h1>Giọt Hồng đang khoá</h1>
        <p className="muted">Nhập mật khẩu để tiếp tục làm việc.</p>
        {error && <div className="banner banner-error" role="alert">{error}</div>}
        <label className="field">
          <span className="field-label">Mật khẩu</span>
          <input type="password" autoFocus autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        <div className="form-actions"><button type="submit" className="primary">Mở khoá</button></div>
      </form>
    </div>
  );
}
