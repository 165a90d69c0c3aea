import { useState } from 'react';
import { api, call } from '../../api';
import { useAction, useLoad } from '../../components/hooks';
import { EmptyState, ErrorBanner, Notice } from '../../components/ui';
import { formatDate } from '../../components/format';
import type { Campaign } from '../../../shared/ipc/channels/campaigns';

/** The serial register of printed certificate forms: void a spoiled one (then reprint it from "Văn bản"). */
export function SerialsPanel({ campaign }: { campaign: Campaign }) {
  const serials = useLoad(() => api.documents.serials({ campaignId: campaign.id }), [campaign.id]);
  const action = useAction();
  const [done, setDone] = useState<string | null>(null);
  const voidOne = (serial: string) =>
    action.run(async () => {
      const reason = window.prompt(`Lý do huỷ số phôi ${serial}:`);
      if (!reason) return;
      await call(api.documents.voidSerial({ serial, reason }));
      setDone(`Đã huỷ số phôi ${serial}. Hãy in lại giấy chứng nhận cho người này trên tờ phôi mới.`);
      serials.reload();
    });
  const rows = serials.data ?? [];
  return (
    <div className="card">
      <ErrorBanner message={serials.error ?? action.error} />
      <Notice message={done} />
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
                <td>{s.status === 'issued' && <button disabled={action.busy} onClick={() => voidOne(s.serial)}>Huỷ số phôi…</button>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
