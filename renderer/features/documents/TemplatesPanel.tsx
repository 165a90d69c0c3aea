import { useEffect, useState } from 'react';
import { api, call } from '../../api';
import { useAction, useLoad } from '../../components/hooks';
import { ErrorBanner, Field, Notice } from '../../components/ui';
import type { DocumentTemplates } from '../../../shared/ipc/channels/documents';
import { PLACEHOLDER_HELP } from '../../../shared/domain/documents/default-templates';

const lines = (s: string) => s.split('\n').map((l) => l.trim()).filter(Boolean);

/** The office's own wording of plans, reports and invitations, kept for every campaign. */
export function TemplatesPanel() {
  const loaded = useLoad(() => api.documents.templates({}), []);
  const [t, setT] = useState<DocumentTemplates | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const action = useAction();
  useEffect(() => setT(loaded.data ?? null), [loaded.data]);
  if (!t) return <ErrorBanner message={loaded.error} />;
  const area = (label: string, key: 'planIntro' | 'planBody' | 'reportNarrative' | 'invitationBody', rows: number) => (
    <Field label={label}><textarea rows={rows} value={t[key]} onChange={(e) => setT({ ...t, [key]: e.target.value })} /></Field>
  );
  return (
    <div className="row" style={{ alignItems: 'flex-start', gap: 16 }}>
      <form className="card form-grid" style={{ flex: 2 }} onSubmit={(e) => e.preventDefault()} aria-label="Mẫu văn bản">
        {area('Kế hoạch - đoạn mở đầu', 'planIntro', 3)}
        {area('Kế hoạch - nội dung', 'planBody', 16)}
        <Field label="Kế hoạch - nơi nhận (mỗi dòng một nơi)">
          <textarea rows={4} value={t.planRecipients.join('\n')} onChange={(e) => setT({ ...t, planRecipients: lines(e.target.value) })} />
        </Field>
        {area('Báo cáo kết quả - nội dung', 'reportNarrative', 10)}
        <Field label="Báo cáo - nơi nhận (mỗi dòng một nơi)">
          <textarea rows={3} value={t.reportRecipients.join('\n')} onChange={(e) => setT({ ...t, reportRecipients: lines(e.target.value) })} />
        </Field>
        {area('Giấy mời - nội dung ({{nguoi_nhan}} là người/đơn vị được mời)', 'invitationBody', 6)}
        <div className="form-actions">
          <button className="primary" disabled={action.busy} onClick={() => action.run(async () => {
            setT(await call(api.documents.saveTemplates(t)));
            setSaved('Đã lưu mẫu văn bản.');
          })}>Lưu mẫu</button>
        </div>
        <Notice message={saved} />
        <ErrorBanner message={action.error} />
      </form>
      <aside className="card" style={{ flex: 1 }}>
        <h3>Chỗ điền tự động</h3>
        <table className="table">
          <tbody>{Object.entries(PLACEHOLDER_HELP).map(([k, v]) => <tr key={k}><td><code>{`{{${k}}}`}</code></td><td>{v}</td></tr>)}</tbody>
        </table>
      </aside>
    </div>
  );
}
