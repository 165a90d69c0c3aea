import { api, call } from '../../api';
import { useAction, useLoad } from '../../components/hooks';
import { ErrorBanner, Modal } from '../../components/ui';

/** Bulk merge of every pair the data decides, each rule said before merging; undone as a batch or pair by pair. */
export function BulkMergeDialog({ campaignId, onClose, onDone }: { campaignId: number; onClose(): void; onDone(msg: string): void }) {
  const summary = useLoad(() => api.duplicates.bulkSummary({ campaignId }), [campaignId]);
  const { busy, error, setError, run } = useAction();
  const s = summary.data;
  const confirm = () =>
    run(async () => {
      const r = await call(api.duplicates.bulkMerge({ campaignId }));
      onDone(`Đã gộp ${r.merged} cặp do dữ liệu quyết định.${r.skipped ? ` Bỏ qua ${r.skipped} cặp đã nằm trong lần gộp khác.` : ''} Có thể hoàn tác cả lần gộp hoặc từng cặp ở thẻ “Đã gộp”.`);
    });
  return (
    <Modal
      title="Gộp hàng loạt các cặp dữ liệu đã đủ để quyết định"
      onClose={onClose}
      footer={<><button onClick={onClose}>Huỷ</button><button className="primary" disabled={busy || !s || s.pairs === 0} onClick={confirm}>Gộp {s?.pairs ?? 0} cặp</button></>}
    >
      <ErrorBanner message={error ?? summary.error} onClose={() => setError(null)} />
      {s && (
        <>
          <p>
            {s.pairs === 0
              ? 'Không có cặp nào dữ liệu đủ để tự quyết định.'
              : `${s.pairs} cặp (${s.people} người) là cùng một người theo các quy tắc dưới đây. Người đăng ký trước được giữ lại; giá trị còn trống được lấy từ người kia; đơn vị được tính chỉ tiêu theo quy tắc đã chọn.`}
            {s.remaining > 0 && ` Còn ${s.remaining} cặp cần bạn xem từng cặp (ví dụ cùng họ tên và ngày sinh nhưng khác số điện thoại).`}
          </p>
          {s.rules.length > 0 && (
            <ul>{s.rules.map((r) => <li key={r.rule}><strong>{r.pairs} cặp</strong>: {r.rule}</li>)}</ul>
          )}
          {s.examples.length > 0 && (
            <table className="table">
              <thead><tr><th>Người thứ nhất</th><th>Người thứ hai</th><th>Quy tắc</th></tr></thead>
              <tbody>{s.examples.map((e, i) => <tr key={i}><td>{e.a}</td><td>{e.b}</td><td>{e.rule || e.reasons.join('; ')}</td></tr>)}</tbody>
            </table>
          )}
          {s.pairs > s.examples.length && <p className="muted">… và {s.pairs - s.examples.length} cặp khác.</p>}
        </>
      )}
    </Modal>
  );
}
