import { api, call } from '../../api';
import { useAction, useLoad } from '../../components/hooks';
import { ErrorBanner } from '../../components/ui';

const STATUS: Record<string, string> = { committed: 'Đã nhập', undone: 'Đã huỷ', replaced: 'Đã thay thế' };

/** Past imports of the campaign; a whole one can be undone. */
export function BatchesPanel({ campaignId, tick }: { campaignId: number | null; tick: number }) {
  const batches = useLoad(() => api.imports.batches({ campaignId }), [campaignId, tick]);
  const { busy, error, setError, run } = useAction();
  const undo = (id: number, name: string) => {
    if (!window.confirm(`Huỷ toàn bộ lần nhập “${name}”? Các dòng đăng ký của lần nhập này sẽ bị gỡ khỏi đợt.`)) return;
    void run(async () => { await call(api.imports.undo({ batchId: id })); batches.reload(); });
  };
  const list = batches.data ?? [];
  return (
    <div style={{ marginTop: 24 }}>
      <h2>Các lần nhập trước</h2>
      <ErrorBanner message={error ?? batches.error} onClose={() => setError(null)} />
      {list.length === 0 ? <p className="muted">Chưa có lần nhập nào trong đợt này.</p> : (
        <table className="table">
          <thead><tr><th>Số</th><th>Tệp</th><th>Đơn vị</th><th className="num">Số người</th><th>Thời điểm</th><th>Trạng thái</th><th /></tr></thead>
          <tbody>
            {list.map((b) => (
              <tr key={b.id} className={b.status !== 'committed' ? 'archived' : ''}>
                <td>{b.id}</td>
                <td>{b.fileName}</td>
                <td>{b.unitName ?? ''}</td>
                <td className="num">{b.rowCount.toLocaleString('vi-VN')}</td>
                <td>{new Date(b.createdAt).toLocaleString('vi-VN')}</td>
                <td>{STATUS[b.status]}</td>
                <td>{b.status === 'committed' && <button className="link" disabled={busy} onClick={() => undo(b.id, b.fileName)}>Huỷ lần nhập</button>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
