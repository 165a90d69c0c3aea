import { api, call } from '../../api';
import { saveDownload } from '../../components/files';
import { useAction, useLoad } from '../../components/hooks';
import { ErrorBanner, Modal } from '../../components/ui';

/** Per-unit Excel feedback: the unit's list with each duplicate marked and where else the person registered. */
export function FeedbackDialog({ campaignId, onClose }: { campaignId: number; onClose(): void }) {
  const units = useLoad(() => api.duplicates.units({ campaignId }), [campaignId]);
  const { busy, error, setError, run } = useAction();
  const exportUnit = (unitId: number) => run(async () => saveDownload(await call(api.duplicates.exportFeedback({ campaignId, unitId }))));
  return (
    <Modal title="Xuất phản hồi trùng lặp cho đơn vị" onClose={onClose} footer={<button onClick={onClose}>Đóng</button>}>
      <ErrorBanner message={error ?? units.error} onClose={() => setError(null)} />
      {units.loading && <p className="muted">Đang tính…</p>}
      <table className="table">
        <thead><tr><th>Đơn vị</th><th className="num">Người đăng ký</th><th className="num">Trùng</th><th /></tr></thead>
        <tbody>
          {(units.data ?? []).map((u) => (
            <tr key={u.unitId}>
              <td>{u.unitName}</td>
              <td className="num">{u.registrations.toLocaleString('vi-VN')}</td>
              <td className="num">{u.duplicates.toLocaleString('vi-VN')}</td>
              <td><button className="link" disabled={busy} onClick={() => exportUnit(u.unitId)}>Xuất Excel</button></td>
            </tr>
          ))}
        </tbody>
      </table>
    </Modal>
  );
}
