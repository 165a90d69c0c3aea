import { useState } from 'react';
import type { BackupFileInfo, HealthReportInfo } from '../../../shared/ipc/channels/backup';
import { api, call } from '../../api';
import { useAction, useLoad } from '../../components/hooks';
import { formatNumber } from '../../components/format';
import { ErrorBanner, Field, Modal, Notice } from '../../components/ui';
import { formatDateTime, formatSize, reasonLabel } from './format';

function HealthCard({ report, onCheck, busy }: { report: HealthReportInfo | null; onCheck(): void; busy: boolean }) {
  return (
    <div className={`card ${report?.state === 'corrupt' ? 'disagree' : report?.state === 'ok' ? 'agree' : ''}`} aria-live="polite">
      <h2>Kiểm tra dữ liệu</h2>
      <p>{report ? report.message : 'Kiểm tra nhanh tệp dữ liệu (quick_check) để phát hiện hư hỏng.'}</p>
      {report && <p className="muted">Lần kiểm tra: {formatDateTime(report.checkedAt)}</p>}
      <button onClick={onCheck} disabled={busy}>Kiểm tra ngay</button>
    </div>
  );
}

export function BackupPanel() {
  const list = useLoad(() => api.backup.list({}), []);
  const { busy, error, setError, run } = useAction();
  // The folder and files are chosen in main's own dialog; the screen only holds the ids main gave back.
  const [folder, setFolder] = useState<{ id: string; label: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [health, setHealth] = useState<HealthReportInfo | null>(null);
  const [restoring, setRestoring] = useState<Pick<BackupFileInfo, 'id' | 'name'> | null>(null);

  const chooseFolder = () => run(async () => {
    const chosen = await call(api.backup.chooseFolder({}));
    if (chosen) setFolder(chosen);
  });
  const backupNow = () => run(async () => {
    const target = folder ?? (await call(api.backup.chooseFolder({})));
    if (!target) return;
    setFolder(target);
    const r = await call(api.backup.toFolder({ folderId: target.id }));
    setNotice(`Đã sao lưu vào “${r.file}” (${formatSize(r.size)}). Bản sao đã được mở lại và kiểm tra: nguyên vẹn — ${formatNumber(r.check.counts.people)} người, ${formatNumber(r.check.counts.registrations)} đăng ký, ${formatNumber(r.check.counts.donations)} lần hiến.`);
  });
  const autoNow = () => run(async () => {
    const r = await call(api.backup.now({}));
    setNotice(`Đã tạo bản sao lưu “${r.file}” (${formatSize(r.size)}), đã kiểm tra nguyên vẹn.`);
    list.reload();
  });
  const check = () => run(async () => setHealth(await call(api.backup.check({}))));
  const chooseOtherFile = () => run(async () => {
    const chosen = await call(api.backup.chooseFile({}));
    if (chosen) setRestoring(chosen);
  });
  const restore = () => restoring && run(async () => {
    const r = await call(api.backup.restore({ id: restoring.id }));
    setRestoring(null);
    setNotice(`Đã khôi phục từ “${r.restoredFrom}”. Dữ liệu trước khi khôi phục vẫn được giữ tại “${r.savedCurrent ?? ''}”. Hãy tải lại các màn hình khác để thấy dữ liệu đã khôi phục.`);
    list.reload();
  });

  const items = list.data?.items ?? [];
  return (
    <div>
      <ErrorBanner message={error ?? list.error} onClose={() => setError(null)} />
      <Notice message={notice} />
      <div className="row">
        <div className="card" style={{ flex: 2, minWidth: 320 }}>
          <h2>Sao lưu ra USB / thư mục khác</h2>
          <Field label="Thư mục lưu bản sao" hint="Ví dụ: E:\ (ổ USB) hoặc D:\SaoLuu. Nên dùng USB hoặc ổ khác với ổ chứa dữ liệu.">
            <output aria-label="Thư mục lưu bản sao">{folder ? folder.label : 'Chưa chọn thư mục'}</output>
          </Field>
          <div className="form-actions">
            <button onClick={chooseFolder} disabled={busy}>Chọn thư mục…</button>
            <button className="primary" onClick={backupNow} disabled={busy}>{busy ? 'Đang sao lưu…' : 'Sao lưu ngay'}</button>
          </div>
        </div>
        <div style={{ flex: 1, minWidth: 260 }}>
          <HealthCard report={health} onCheck={check} busy={busy} />
        </div>
      </div>
      {health?.state === 'corrupt' && health.newestGoodBackup && (
        <div className="banner banner-warn" role="alert">
          <span>Bản sao lưu tốt gần nhất: {health.newestGoodBackup.name} ({formatDateTime(health.newestGoodBackup.createdAt)}).</span>
          <button className="primary" onClick={() => setRestoring(health.newestGoodBackup)}>Khôi phục bản này…</button>
        </div>
      )}
      <h2 style={{ marginTop: 18 }}>Bản sao lưu tự động</h2>
      <p className="muted">
        Tự tạo trước mỗi lần nhập danh sách, gộp trùng lặp, nâng cấp dữ liệu và mỗi ngày; giữ tất cả bản trong hôm nay, một bản cho mỗi ngày
        trong 7 ngày gần nhất và một bản cho mỗi tháng trong 12 tháng. Thư mục: <code>{list.data?.folder ?? '…'}</code>
      </p>
      <div className="toolbar">
        <button onClick={autoNow} disabled={busy}>Tạo bản sao lưu bây giờ</button>
        <button onClick={chooseOtherFile} disabled={busy}>Khôi phục từ tệp này…</button>
      </div>
      {items.length === 0 ? (
        <p className="muted">Chưa có bản sao lưu tự động nào.</p>
      ) : (
        <table className="table" aria-label="Bản sao lưu tự động">
          <thead><tr><th>Thời điểm</th><th>Lý do</th><th className="num">Dung lượng</th><th /></tr></thead>
          <tbody>
            {items.map((b) => (
              <tr key={b.id}>
                <td>{formatDateTime(b.createdAt)}</td>
                <td>{reasonLabel(b.reason)}</td>
                <td className="num">{formatSize(b.size)}</td>
                <td><button onClick={() => setRestoring(b)} disabled={busy}>Khôi phục…</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {restoring && (
        <Modal
          title="Khôi phục dữ liệu"
          onClose={() => setRestoring(null)}
          footer={<>
            <button onClick={() => setRestoring(null)}>Huỷ</button>
            <button className="primary" onClick={restore} disabled={busy}>{busy ? 'Đang khôi phục…' : 'Khôi phục'}</button>
          </>}
        >
          <p>Khôi phục từ <strong>{restoring.name}</strong>?</p>
          <p>Dữ liệu hiện tại sẽ được <strong>lưu lại thành một bản sao lưu</strong> trước khi thay thế, nên có thể quay lại nếu cần. Các thay đổi sau thời điểm của bản sao lưu sẽ không còn trong dữ liệu đang dùng.</p>
        </Modal>
      )}
    </div>
  );
}
