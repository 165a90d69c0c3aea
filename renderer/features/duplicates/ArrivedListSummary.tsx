import { api } from '../../api';
import { useLoad } from '../../components/hooks';

/**
 * For the import screen, right after a list is committed: matches the batch's people against
 * everyone known (the campaign's other lists and earlier campaigns) and says how many look doubled.
 */
export function ArrivedListSummary({ batchId }: { batchId: number }) {
  const r = useLoad(() => api.duplicates.matchBatch({ batchId }), [batchId]);
  if (r.loading) return <p className="muted">Đang so sánh danh sách vừa nhập với những người đã có…</p>;
  if (r.error) return <div className="banner banner-error" role="alert">{r.error}</div>;
  const v = r.data;
  if (!v) return null;
  if (v.pairs === 0) return <div className="banner banner-ok" role="status">Không thấy ai trong {v.people} người vừa nhập trùng với danh sách khác hay với sổ các đợt trước.</div>;
  return (
    <div className="banner banner-warn" role="status">
      <span>
        Trong {v.people} người vừa nhập: {v.proposed} cặp nhiều khả năng là cùng một người đã có trong danh sách khác hoặc trong sổ các đợt trước
        {v.pairs > v.proposed ? `, ${v.pairs - v.proposed} cặp cần xem thêm` : ''}.
      </span>
      <a className="button" href="#/trung-lap">Xem ở màn hình Trùng lặp</a>
    </div>
  );
}
