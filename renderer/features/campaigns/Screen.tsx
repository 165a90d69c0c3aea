import { useState } from 'react';
import type { Campaign } from '../../../shared/ipc/channels/campaigns';
import { api, call } from '../../api';
import { useCampaign } from '../../app/campaign-context';
import { useAction } from '../../components/hooks';
import { formatDate, formatNumber } from '../../components/format';
import { EmptyState, ErrorBanner, Field, Modal, Notice, PageHeader } from '../../components/ui';
import { CampaignForm, draftOf, inputOf, type CampaignDraft } from './CampaignForm';

/** "Đợt hiến máu": the campaigns, created, edited and copied with every field of the plan. */
export function CampaignsScreen() {
  const { campaigns, current, setCurrentId, reload } = useCampaign();
  const [editing, setEditing] = useState<Campaign | 'new' | null>(null);
  const [copying, setCopying] = useState<Campaign | null>(null);
  const [copyName, setCopyName] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, error, setError, run } = useAction();

  const save = (d: CampaignDraft) =>
    run(async () => {
      const input = inputOf(d);
      const c = editing === 'new' || editing === null ? await call(api.campaigns.create(input)) : await call(api.campaigns.update({ id: editing.id, ...input }));
      setNotice(editing === 'new' ? `Đã tạo đợt “${c.name}”.` : `Đã lưu đợt “${c.name}”.`);
      setEditing(null);
      reload();
      setCurrentId(c.id);
    });

  const copy = () =>
    copying &&
    run(async () => {
      const c = await call(api.campaigns.copy({ id: copying.id, name: copyName }));
      setCopying(null);
      setNotice(`Đã tạo đợt “${c.name}” từ “${copying.name}” (giữ chỉ tiêu, điều kiện và mức hỗ trợ; hãy đặt ngày mới).`);
      reload();
      setCurrentId(c.id);
      setEditing(c);
    });

  if (editing) {
    return (
      <section>
        <PageHeader title={editing === 'new' ? 'Tạo đợt hiến máu' : `Sửa đợt: ${editing.name}`} />
        <ErrorBanner message={error} onClose={() => setError(null)} />
        <div className="card"><CampaignForm key={editing === 'new' ? 'new' : editing.id} initial={draftOf(editing === 'new' ? null : editing)} busy={busy} onSave={save} onCancel={() => setEditing(null)} /></div>
      </section>
    );
  }
  return (
    <section>
      <PageHeader title="Đợt hiến máu" subtitle="Mỗi đợt có kế hoạch, chỉ tiêu, ngày hiến máu và kết quả riêng." actions={<button className="primary" onClick={() => setEditing('new')}>+ Tạo đợt mới</button>} />
      <ErrorBanner message={error} onClose={() => setError(null)} />
      <Notice message={notice} />
      {campaigns.length === 0 ? (
        <EmptyState title="Chưa có đợt hiến máu nào" action={<button className="primary" onClick={() => setEditing('new')}>Tạo đợt đầu tiên</button>}>
          Tạo một đợt (ví dụ “Hành trình đỏ năm 2026”) với chỉ tiêu, hạn gửi danh sách và ngày hiến máu.
        </EmptyState>
      ) : (
        <table className="table">
          <thead><tr><th>Tên đợt</th><th>Ngày hiến máu</th><th>Hạn đăng ký</th><th className="num">CT người ĐK</th><th className="num">CT đơn vị máu</th><th /></tr></thead>
          <tbody>
            {campaigns.map((c) => (
              <tr key={c.id} className={c.id === current?.id ? 'selected' : ''}>
                <td><strong>{c.name}</strong>{c.planNumber && <div className="muted">Kế hoạch số {c.planNumber}</div>}</td>
                <td>{c.donationDates.map(formatDate).join(', ')}</td>
                <td>{formatDate(c.registrationDeadline)}</td>
                <td className="num">{formatNumber(c.targetRegistrants)}</td>
                <td className="num">{formatNumber(c.targetBloodUnits)}</td>
                <td className="row-actions">
                  {c.id !== current?.id && <button className="link" onClick={() => setCurrentId(c.id)}>Làm việc với đợt này</button>}
                  <button className="link" onClick={() => setEditing(c)}>Sửa</button>
                  <button className="link" onClick={() => { setCopying(c); setCopyName(`${c.name} (bản sao)`); }}>Sao chép</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {copying && (
        <Modal title={`Sao chép đợt “${copying.name}”`} onClose={() => setCopying(null)} footer={<><button onClick={() => setCopying(null)}>Huỷ</button><button className="primary" disabled={busy || !copyName.trim()} onClick={copy}>Tạo đợt mới</button></>}>
          <p className="muted">Đợt mới giữ căn cứ, địa điểm, cơ sở tiếp nhận máu, chỉ tiêu theo đơn vị, giới hạn tuổi và mức hỗ trợ; ngày hiến máu, hạn đăng ký và số kế hoạch để trống.</p>
          <Field label="Tên đợt mới"><input autoFocus value={copyName} onChange={(e) => setCopyName(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && copy()} /></Field>
        </Modal>
      )}
    </section>
  );
}
