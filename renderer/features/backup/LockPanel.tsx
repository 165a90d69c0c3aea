import { useState } from 'react';
import { api, call } from '../../api';
import { useAction, useLoad } from '../../components/hooks';
import { ErrorBanner, Field, Notice } from '../../components/ui';

/** "Khoá ứng dụng": set, change or turn off the password asked at start and after idle time. */
export function LockPanel() {
  const status = useLoad(() => api.security.lockStatus({}), []);
  const { busy, error, setError, run } = useAction();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [idle, setIdle] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const enabled = status.data?.enabled ?? false;
  const idleMinutes = idle ?? status.data?.idleMinutes ?? 10;

  const reset = () => {
    setCurrent('');
    setNext('');
    setAgain('');
  };
  const save = () => run(async () => {
    if (next !== again) throw new Error('Hai lần nhập mật khẩu mới không giống nhau. Hãy nhập lại.');
    await call(api.security.setPassword({ currentPassword: enabled ? current : undefined, newPassword: next, idleMinutes }));
    reset();
    window.dispatchEvent(new Event('giot-hong:locked')); // the lock screen reads the new setting
    setNotice(enabled ? 'Đã đổi mật khẩu.' : `Đã bật khoá ứng dụng: mật khẩu sẽ được hỏi khi mở ứng dụng và sau ${idleMinutes} phút không dùng.`);
    status.reload();
  });
  const clear = () => run(async () => {
    await call(api.security.clearPassword({ currentPassword: current }));
    reset();
    window.dispatchEvent(new Event('giot-hong:locked'));
    setNotice('Đã tắt khoá ứng dụng.');
    status.reload();
  });
  const lockNow = () => run(async () => {
    await call(api.security.lock({}));
    setNotice('Đã khoá ứng dụng: cần nhập mật khẩu để tiếp tục.');
    window.dispatchEvent(new Event('giot-hong:locked'));
  });

  return (
    <div className="card" style={{ maxWidth: 620 }}>
      <ErrorBanner message={error ?? status.error} onClose={() => setError(null)} />
      <Notice message={notice} />
      <h2>Khoá ứng dụng bằng mật khẩu</h2>
      <p className="muted">
        {enabled
          ? `Đang bật: hỏi mật khẩu khi mở ứng dụng và sau ${status.data?.idleMinutes} phút không dùng.`
          : 'Đang tắt. Bật để người khác dùng chung máy không xem được dữ liệu người hiến máu.'}
      </p>
      <form onSubmit={(e) => { e.preventDefault(); void save(); }}>
        {enabled && (
          <Field label="Mật khẩu hiện tại">
            <input type="password" aria-label="Mật khẩu hiện tại" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />
          </Field>
        )}
        <div className="form-grid">
          <Field label={enabled ? 'Mật khẩu mới' : 'Mật khẩu'} hint="Ít nhất 6 ký tự. Hãy ghi lại và cất ở nơi an toàn: quên mật khẩu thì không mở được ứng dụng.">
            <input type="password" aria-label={enabled ? 'Mật khẩu mới' : 'Mật khẩu'} autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} />
          </Field>
          <Field label="Nhập lại mật khẩu">
            <input type="password" aria-label="Nhập lại mật khẩu" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} />
          </Field>
        </div>
        <Field label="Tự khoá sau (phút không dùng)">
          <input type="number" min={1} max={240} value={idleMinutes} onChange={(e) => setIdle(Number(e.target.value))} style={{ maxWidth: 120 }} />
        </Field>
        <div className="form-actions">
          {enabled && <button type="button" onClick={lockNow} disabled={busy}>Khoá ngay</button>}
          {enabled && <button type="button" onClick={clear} disabled={busy || !current}>Tắt khoá</button>}
          <button type="submit" className="primary" disabled={busy || next.length < 6}>{enabled ? 'Đổi mật khẩu' : 'Bật khoá'}</button>
        </div>
      </form>
    </div>
  );
}
