import { useState } from 'react';
import { api, call } from '../../api';
import { useAction, useLoad } from '../../components/hooks';
import { formatNumber } from '../../components/format';
import { ErrorBanner } from '../../components/ui';
import { formatDateTime } from './format';
import { DateInput } from '../../components/DateInput';
import { AUDIT_CATEGORIES, auditActionLabel } from '../../../shared/domain/audit-labels';

const PAGE = 50;
/** "Nhật ký thao tác": the append-only audit log, newest first, with the hash-chain check. */
export function AuditPanel() {
  const [page, setPage] = useState(1);
  const [category, setCategory] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const log = useLoad(
    () => api.audit.list({ page, pageSize: PAGE, category: category || undefined, from: from || undefined, to: to || undefined }),
    [page, category, from, to],
  );
  const { busy, error, setError, run } = useAction();
  const [verdict, setVerdict] = useState<{ ok: boolean; brokenAt: number | null; count: number } | null>(null);
  const verify = () => run(async () => setVerdict(await call(api.audit.verify({}))));
  const pages = Math.max(1, Math.ceil((log.data?.total ?? 0) / PAGE));

  return (
    <div>
      <ErrorBanner message={error ?? log.error} onClose={() => setError(null)} />
      <div className="toolbar">
        <label className="check">Loại thao tác
          <select value={category} onChange={(e) => { setCategory(e.target.value); setPage(1); }} aria-label="Loại thao tác">
            <option value="">Tất cả</option>
            {AUDIT_CATEGORIES.map((c) => <option key={c.key} value={c.key}>{c.label}</option>)}
          </select>
        </label>
        <label className="check">Từ ngày <DateInput label="Từ ngày" value={from} onChange={(v) => { setFrom(v); setPage(1); }} /></label>
        <label className="check">đến ngày <DateInput label="Đến ngày" value={to} onChange={(v) => { setTo(v); setPage(1); }} /></label>
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
              <td title={r.action}>{auditActionLabel(r.action)}</td>
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
