import { api, call } from '../../api';
import { useAction, useLoad } from '../../components/hooks';
import { EmptyState, ErrorBanner } from '../../components/ui';

/** Confirmed merges of the campaign; each can be undone (also after later imports). */
export function MergesPanel({ campaignId, onChanged }: { campaignId: number; onChanged(msg: string): void }) {
  const merges = useLoad(() => api.duplicates.merges({ campaignId }), [campaignId]);
  const { busy, error, setError, run } = useAction();
  const undo = (id: number, name: string) =>
    run(async () => {
      await call(api.duplicates.undoMerge({ mergeId: id }));
      merges.reload();
      onChanged(`Đã hoàn tác lần gộp “${name}”: hai người được tách lại như trước.`);
    });
  const undoBatch = (batchId: number) =>
    run(async () => {
      const r = await call(api.duplicates.undoBulkMerge({ batchId }));
      merges.reload();
      onChanged(`Đã hoàn tác lần gộp hàng loạt #${batchId}: tách lại ${r.undone} cặp.`);
    });
  const rows = merges.data ?? [];
  const batches = [...new Set(rows.filter((m) => m.batchId !== null && !m.undoneAt).map((m) => m.batchId!))];
  return (
    <div>
      <ErrorBanner message={error ?? merges.error} onClose={() => setError(null)} />
      {merges.data && rows.length === 0 ? (
        <EmptyState title="Chưa gộp ai trong đợt này">Khi bạn gộp một cặp trùng, lần gộp sẽ hiện ở đây và có thể hoàn tác.</EmptyState>
      ) : (
        <>
        {batches.map((b) => (
          <div key={b} className="toolbar">
            <span>Lần gộp hàng loạt #{b}: {rows.filter((m) => m.batchId === b && !m.undoneAt).length} cặp</span>
            <button disabled={busy} onClick={() => undoBatch(b)}>Hoàn tác cả lần gộp #{b}</button>
          </div>
        ))}
        <table className="table">
          <thead><tr><th>Người giữ lại</th><th>Người được gộp vào</th><th>Quy tắc</th><th>Lúc</th><th>Trạng thái</th><th /></tr></thead>
          <tbody>
            {rows.map((m) => (
              <tr key={m.id} className={m.undoneAt ? 'archived' : ''}>
                <td>{m.survivorName} <span className="muted">#{m.survivorId}</span></td>
                <td>{m.mergedName} <span className="muted">#{m.mergedId}</span></td>
                <td>{m.rule ?? 'Bạn gộp'}</td>
                <td>{new Date(m.createdAt).toLocaleString('vi-VN')}</td>
                <td>{m.undoneAt ? `Đã hoàn tác ${new Date(m.undoneAt).toLocaleString('vi-VN')}` : 'Đã gộp'}</td>
                <td>{!m.undoneAt && <button className="link" disabled={busy} onClick={() => undo(m.id, m.survivorName)}>Hoàn tác</button>}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </>
      )}
    </div>
  );
}
