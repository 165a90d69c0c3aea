import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { api, call } from '../../api';
import type { LockStatus } from '../../../shared/ipc/channels/security';
import { isLocked, onLockChange, setLocked } from '../../components/lock-signal';

const ACTIVITY_EVENTS = ['mousemove', 'keydown', 'mousedown', 'wheel', 'touchstart'] as const;
/** How often the renderer tells main the clerk is working (main's own idle timer refuses calls otherwise). */
const HEARTBEAT_MS = 30_000;
/** How often main's view of the lock is read back (it may have locked on its own). */
const STATUS_POLL_MS = 5_000;

/**
 * Wraps the app: when the lock is on, asks for the password at start and after the idle time.
 * Locking hides the screens at once (they stay mounted but hidden and inert, so the clerk's pending
 * work — imports, half-filled forms, the current tab — is intact after unlocking) and shows the
 * password box. Main also refuses every call while locked; such a call raises this screen and is
 * run again after the unlock (see api.ts).
 */
export function LockGate({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<LockStatus | null>(null);
  const [locked, setLockedView] = useState(isLocked());
  const [everUnlocked, setEverUnlocked] = useState(false);
  const last = useRef(Date.now());
  const lastBeat = useRef(0);

  /** Main's answer: it can lock the view, but only an unlock (or the lock turned off) opens it. */
  const apply = useCallback((s: LockStatus, opens = false) => {
    setStatus(s);
    if (s.enabled && s.locked) setLocked(true);
    else if (opens || !s.enabled) setLocked(false);
  }, []);
  const refresh = useCallback(() => {
    void api.security.lockStatus({}).then((r) => r.ok && apply(r.value));
  }, [apply]);

  useEffect(() => onLockChange(setLockedView), []);
  // the screens mount after the first unlock (or at once without a lock), then stay mounted
  useEffect(() => {
    if (status && !locked) setEverUnlocked(true);
  }, [locked, status]);

  useEffect(() => {
    refresh();
    const touch = () => {
      last.current = Date.now();
      if (!isLocked() && last.current - lastBeat.current > HEARTBEAT_MS) {
        lastBeat.current = last.current;
        void api.security.activity({});
      }
    };
    for (const e of ACTIVITY_EVENTS) window.addEventListener(e, touch, { passive: true, capture: true });
    window.addEventListener('giot-hong:locked', refresh);
    return () => {
      for (const e of ACTIVITY_EVENTS) window.removeEventListener(e, touch, { capture: true });
      window.removeEventListener('giot-hong:locked', refresh);
    };
  }, [refresh]);

  const enabled = !!status?.enabled;
  const idleMs = (status?.idleMinutes ?? 10) * 60_000;
  useEffect(() => {
    if (!enabled || locked) return;
    // The renderer's own clock: hide the data the moment the idle time is up, then tell main.
    const tick = setInterval(() => {
      if (Date.now() - last.current > idleMs) {
        setLocked(true);
        void api.security.lock({}).then((r) => r.ok && apply(r.value));
      }
    }, 1_000);
    const poll = setInterval(refresh, STATUS_POLL_MS);
    return () => {
      clearInterval(tick);
      clearInterval(poll);
    };
  }, [enabled, locked, idleMs, refresh, apply]);

  if (!status) return null;
  const unlocked = () => {
    last.current = Date.now();
    lastBeat.current = last.current;
  };
  return (
    <>
      {everUnlocked && (
        <div className="lock-content" hidden={locked} inert={locked} aria-hidden={locked || undefined}>
          {children}
        </div>
      )}
      {locked && <UnlockBox onStatus={(s) => apply(s, true)} onUnlocked={unlocked} />}
    </>
  );
}

function UnlockBox({ onStatus, onUnlocked }: { onStatus(s: LockStatus): void; onUnlocked(): void }) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const unlock = async () => {
    if (!password) {
      setError('Hãy nhập “Mật khẩu”.');
      return;
    }
    setBusy(true);
    try {
      const s = await call(api.security.unlock({ password }));
      setPassword('');
      setError(null);
      onUnlocked();
      onStatus(s);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="first-run lock-screen">
      <form className="card first-run-card" style={{ maxWidth: 420 }} noValidate aria-label="Mở khoá Giọt Hồng" onSubmit={(e) => { e.preventDefault(); void unlock(); }}>
        <h1>Giọt Hồng đang khoá</h1>
        <p className="muted">Dữ liệu đã được che. Nhập mật khẩu để trở lại đúng chỗ đang làm; các thay đổi chưa lưu vẫn còn nguyên.</p>
        {error && <div className="banner banner-error" role="alert">{error}</div>}
        <label className="field">
          <span className="field-label">Mật khẩu</span>
          <input type="password" autoFocus autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        <div className="form-actions"><button type="submit" className="primary" disabled={busy}>Mở khoá</button></div>
      </form>
    </div>
  );
}
