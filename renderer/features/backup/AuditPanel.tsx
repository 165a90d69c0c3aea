import { useState } from 'react';
import { api, call } from '../../api';
import { useAction, useLoad } from '../../components/hooks';
import { formatNumber } from '../../components/format';
import { ErrorBanner } from '../../components/ui';
import { formatDateTime } from './format';

const PAGE = 50;
const ACTION_LABELS: [string, string][] = [
  ['backup.restore', 'Khôi phục dữ liệu'], ['backup.', 'Sao lưu'], ['person.correct', 'Sửa thông tin người'], ['person.delete', 'Xoá người theo yêu cầu'],
  ['person.anonymise', 'Ẩn danh người theo yêu cầu'], ['duplicates.merge', 'Gộp trùng lặp'], ['duplicates.', 'Trùng lặp'], ['import', 'Nhập danh sách'],
  ['export', 'Xuất dữ liệu'], ['print', 'In'], ['lock.', 'Khoá ứng dụng'], ['unit.', 'Đơn vị'], ['campaign.', 'Đợt hiến máu'], ['settings.', 'Cài đặt'],
];
const actionLabel = (a: string) => ACTION_LABELS.find(([p]) => a.startsWith(p))?.[1] ?? a;
const FILTERS: [string, string][] = [
  ['', 'Tất cả'], ['import', 'Nhập danh sách'], ['duplicates.', 'Gộp / tách trùng lặp'], ['person.', 'Sửa / xoá người'],
  ['backup.', 'Sao lưu / khôi phục'], ['export', 'Xuất dữ liệu'], ['print', 'In'], ['lock.', 'Khoá ứng dụng'],
];

/** "Nhật ký thao tác": the append-only audit log, newest first, with the hash-chain check. */
export function AuditPanel() {
  const [page, setPage] = useState(1);
  const [action, setAction] = useState('');
  const log = useLoad(() => api.audit.list({ page, pageSize: PAGE, action: action || undefined }), [page, action]);
  const { busy, error, setError, run } = useAction();
  const [verdict, setVerdict] = useState<{ ok: boolean; brokenAt: number | null; count: number } | null>(null);
  const verify = () => run(async () => setVerdict(await call(api.audit.verify({}))));
  const pages = Math.max(1, Math.ceil((log.data?.total ?? 0) / PAGE));

  return (
    <div>
      <ErrorBanner message={error ?? log.error} onClose={() => setError(null)} />
      <div className="toolbar">
        <label className="check">Loại thao tác
          <select value={action} onChange={(e) => { setAction(e.target.value); setPage(1); }} aria-label="Loại thao tác">
            {FILTERS.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
          </select>
        </label>
        <button onClick={verify} disabled={busy}>Kiểm tra tính toàn vẹn của nhật ký</button>
        {verdict && (
          <span role="status" className={verdict.ok ? 'banner banner-ok' : 'banner banner-error'} style={{ margin: 0 }}>
            {verdict.ok
              ? `Nhật ký nguyên vẹn: ${formatNumber(verdict.count)} mục, chuỗi mã băm khớp.`
              : `Nhật ký đã bị sửa ngoài ứng dụng từ mục số ${verdict.brokenAt}. Hãy báo cho lãnh đạo và khôi phục từ bản sao lưu.`}
          </span>
        )}
      </div>
      <table className="table" aria-label="Nhật ký thao tác">
        <thead><tr><th className="num">#</th><th>Thời điểm</th><th>Người làm</th><th>Thao tác</th><th>Nội dung</th></tr></thead>
        <tbody>
          {(log.data?.rows ?? []).map((r) => (
            <tr key={r.id}>
              <td className="num">{r.id}</td>
              <td>{formatDateTime(r.at)}</td>
              <td>{r.actor === 'clerk' ? 'Cán bộ' : r.actor}</td>
              <td>{actionLabel(r.action)} <small className="muted"><code>{r.action}</code></small></td>
              <td>{r.detail}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="toolbar" style={{ marginTop: 8 }}>
        <button onClick={() => setPage((p) => Math.max(1, p - 1))} disabled={page <= 1}>‹ Trang trước</button>
        <span className="muted">Trang {page}/{pages} · {formatNumber(log.data?.total ?? 0)} mục</span>
        <button onClick={() => setPage((p) => Math.min(pages, p + 1))} disabled={page >= pages}>Trang sau ›</button>
      </div>
    </div>
  );
}
