import { api, call } from '../../api';
import { useAction, useLoad } from '../../components/hooks';
import { ErrorBanner, Modal } from '../../components/ui';

/** Bulk merge of obvious pairs (same ID number and same name), only after the clerk read the summary. */
export function BulkMergeDialog({ campaignId, onClose, onDone }: { campaignId: number; onClose(): void; onDone(msg: string): void }) {
  const summary = useLoad(() => api.duplicates.bulkSummary({ campaignId }), [campaignId]);
  const { busy, error, setError, run } = useAction();
  const s = summary.data;
  const confirm = () =>
    run(async () => {
      const r = await call(api.duplicates.bulkMerge({ campaignId }));
      onDone(`Đã gộp ${r.merged} cặp trùng rõ ràng.${r.skipped ? ` Bỏ qua ${r.skipped} cặp đã nằm trong lần gộp khác.` : ''} Có thể hoàn tác từng lần ở thẻ “Đã gộp”.`);
    });
  return (
    <Modal
      title="Gộp hàng loạt các cặp trùng rõ ràng"
      onClose={onClose}
      footer={<><button onClick={onClose}>Huỷ</button><button className="primary" disabled={busy || !s || s.pairs === 0} onClick={confirm}>Gộp {s?.pairs ?? 0} cặp</button></>}
    >
      <ErrorBanner message={error ?? summary.error} onClose={() => setError(null)} />
      {s && (
        <>
          <p>
            {s.pairs === 0 ? 'Không có cặp nào vừa cùng số CCCD/CMND vừa cùng họ tên.' : `${s.pairs} cặp (${s.people} người) có cùng số CCCD/CMND và cùng họ tên. Người đăng ký trước được giữ lại; giá trị còn trống được lấy từ người kia; đơn vị được tính chỉ tiêu theo quy tắc đã chọn.`}
          </p>
          {s.examples.length > 0 && (
            <table className="table">
              <thead><tr><th>Người thứ nhất</th><th>Người thứ hai</th><th>Lý do</th></tr></thead>
              <tbody>{s.examples.map((e, i) => <tr key={i}><td>{e.a}</td><td>{e.b}</td><td>{e.reasons.join('; ')}</td></tr>)}</tbody>
            </table>
          )}
          {s.pairs > s.examples.length && <p className="muted">… và {s.pairs - s.examples.length} cặp khác.</p>}
        </>
      )}
    </Modal>
  );
}
