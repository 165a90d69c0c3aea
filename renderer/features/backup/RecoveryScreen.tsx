import { useState } from 'react';
import { api, call } from '../../api';
import { useAction, useLoad } from '../../components/hooks';
import { ErrorBanner } from '../../components/ui';
import { formatDateTime, formatSize, reasonLabel } from './format';

/**
 * Shown instead of the app when the database file is damaged at start (main serves only the
 * recovery channels then): what happened, the newest good backup, and restore. Nothing is deleted.
 */
export function RecoveryScreen() {
  const health = useLoad(() => api.backup.check({}), []);
  const list = useLoad(() => api.backup.list({}), []);
  const { busy, error, setError, run } = useAction();
  const [done, setDone] = useState<string | null>(null);
  const restore = (id: string) => run(async () => {
    const r = await call(api.backup.restore({ id }));
    setDone(`Đã khôi phục từ bản sao lưu. Tệp hỏng được giữ lại tại “${r.savedCurrent ?? ''}”. Hãy đóng Giọt Hồng và mở lại để tiếp tục làm việc.`);
  });
  // A backup on a USB stick: chosen in main's own dialog, which hands back an id (never a path).
  const restoreOther = () => run(async () => {
    const chosen = await call(api.backup.chooseFile({}));
    if (!chosen) return;
    const r = await call(api.backup.restore({ id: chosen.id }));
    setDone(`Đã khôi phục từ “${chosen.name}”. Tệp hỏng được giữ lại tại “${r.savedCurrent ?? ''}”. Hãy đóng Giọt Hồng và mở lại để tiếp tục làm việc.`);
  });
  const good = health.data?.newestGoodBackup ?? null;
  return (
    <div className="first-run">
      <div className="card first-run-card">
        <h1>Tệp dữ liệu cần khôi phục</h1>
        <ErrorBanner message={error ?? health.error ?? list.error} onClose={() => setError(null)} />
        {done ? <div className="banner banner-ok" role="status">{done}</div> : (
          <>
            <p>{health.data?.message ?? 'Đang kiểm tra tệp dữ liệu…'}</p>
            {good && (
              <p>
                <button className="primary" onClick={() => restore(good.id)} disabled={busy}>
                  Khôi phục bản tốt gần nhất ({formatDateTime(good.createdAt)})
                </button>
              </p>
            )}
            <p>
              <button onClick={restoreOther} disabled={busy}>Khôi phục từ tệp sao lưu khác (USB)…</button>
            </p>
            {(list.data?.items.length ?? 0) > 0 && (
              <table className="table" aria-label="Các bản sao lưu">
                <thead><tr><th>Thời điểm</th><th>Lý do</th><th className="num">Dung lượng</th><th /></tr></thead>
                <tbody>
                  {list.data!.items.map((b) => (
                    <tr key={b.id}>
                      <td>{formatDateTime(b.createdAt)}</td>
                      <td>{reasonLabel(b.reason)}</td>
                      <td className="num">{formatSize(b.size)}</td>
                      <td><button onClick={() => restore(b.id)} disabled={busy}>Khôi phục</button></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        )}
      </div>
    </div>
  );
}
