import { useState } from 'react';
import { api, call } from '../../api';
import { useAction, useLoad } from '../../components/hooks';
import { EmptyState, ErrorBanner, Notice, ProgressBar } from '../../components/ui';
import { formatDate } from '../../components/format';
import type { Campaign } from '../../../shared/ipc/channels/campaigns';
import { PreviewPane } from './PreviewPane';
import { useGenerate } from './useGenerate';

/** The serial register of printed certificate forms: void a spoiled one, then print it again on a new form. */
export function SerialsPanel({ campaign, printerName }: { campaign: Campaign; printerName: string }) {
  const serials = useLoad(() => api.documents.serials({ campaignId: campaign.id }), [campaign.id]);
  const action = useAction();
  const [done, setDone] = useState<string | null>(null);
  const gen = useGenerate((d) => {
    setDone(`Đã cấp lại trên tờ phôi số ${d.serials.join(', ')}.`);
    serials.reload();
  });
  const voidOne = (serial: string) =>
    action.run(async () => {
      const reason = window.prompt(`Lý do huỷ số phôi ${serial}:`);
      if (!reason) return;
      await call(api.documents.voidSerial({ serial, reason }));
      setDone(`Đã huỷ số phôi ${serial}. Bấm “Cấp lại…” để in lại cho người này trên tờ phôi mới.`);
      serials.reload();
    });
  const reissue = (serial: string, donationId: number) => {
    const startSerial = window.prompt(`Số của tờ phôi mới (thay cho ${serial}):`);
    if (!startSerial?.trim()) return;
    void gen.start({ campaignId: campaign.id, type: 'certificates', issue: true, donationIds: [donationId], reissueOf: serial, startSerial: startSerial.trim(), printerName });
  };
  const rows = serials.data ?? [];
  return (
    <div className="row" style={{ alignItems: 'flex-start', gap: 16 }}>
      <div className="card" style={{ flex: 1 }}>
        <ErrorBanner message={serials.error ?? action.error ?? gen.error} />
        <Notice message={done} />
        <ProgressBar status={gen.status} onCancel={gen.cancel} />
        {rows.length === 0 ? (
          <EmptyState title="Chưa ghi sổ số phôi nào">Khi phát hành giấy chứng nhận với số phôi đầu tiên, từng số phôi được ghi vào sổ này.</EmptyState>
        ) : (
          <table className="table">
            <thead><tr><th>Số phôi</th><th>Người hiến máu</th><th>Ngày cấp</th><th>Tình trạng</th><th>Cấp lại cho</th><th /></tr></thead>
            <tbody>
              {rows.map((s) => (
                <tr key={s.id}>
                  <td>{s.serial}</td>
                  <td>{s.personName}</td>
                  <td>{formatDate(s.issuedOn)}</td>
                  <td>{s.status === 'void' ? `Đã huỷ: ${s.voidReason ?? ''}` : 'Đã cấp'}</td>
                  <td>{s.reissueOf ?? ''}</td>
                  <td>
                    {s.status === 'issued' && <button disabled={action.busy} onClick={() => voidOne(s.serial)}>Huỷ số phôi…</button>}
                    {s.status === 'void' && !s.reissued && s.donationId !== null && (
                      <button disabled={gen.running} onClick={() => reissue(s.serial, s.donationId!)}>Cấp lại…</button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      {gen.doc && <div style={{ flex: 1, minWidth: 0 }}><PreviewPane doc={gen.doc} /></div>}
    </div>
  );
}
