import { useEffect, useRef, useState } from 'react';
import { api } from '../../api';
import { useLoad } from '../../components/hooks';
import { ErrorBanner, Field, ProgressBar } from '../../components/ui';
import { DateInput } from '../../components/DateInput';
import { DOCUMENT_TYPES, type DocumentType, type GenerateOptions } from '../../../shared/ipc/channels/documents';
import type { Campaign } from '../../../shared/ipc/channels/campaigns';
import { PreviewPane } from './PreviewPane';
import { useGenerate } from './useGenerate';

const NUMBERED: DocumentType[] = ['plan', 'result-report', 'invitations'];
const EDITABLE_TEXT: DocumentType[] = ['plan', 'result-report', 'invitations'];
const WITH_SIGNER: DocumentType[] = ['plan', 'result-report', 'invitations', 'signature-list', 'honour-certificates', 'honour-list'];
const LISTS: DocumentType[] = ['unit-registrants', 'eligible-donors'];
const CHOICES = (Object.keys(DOCUMENT_TYPES) as DocumentType[]).filter((t) => t !== 'calibration');

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Choose a document, edit its editable parts, preview it, then issue (number) and save or print. */
export function GeneratePanel({ campaign }: { campaign: Campaign }) {
  const [type, setType] = useState<DocumentType>('plan');
  const defaults = useLoad(() => api.documents.defaults({ campaignId: campaign.id, type }), [campaign.id, type]);
  const units = useLoad(() => api.units.list({}), []);
  const printers = useLoad(() => api.documents.printers({}), []);
  const [subject, setSubject] = useState('');
  const [intro, setIntro] = useState('');
  const [body, setBody] = useState('');
  const [recipients, setRecipients] = useState('');
  const [signer, setSigner] = useState({ authorityLine: '', title: '', name: '' });
  const [issuedOn, setIssuedOn] = useState(today());
  const [invitationMode, setInvitationMode] = useState<'unit' | 'person'>('unit');
  const [unitId, setUnitId] = useState<number | ''>('');
  const [format, setFormat] = useState<'pdf' | 'xlsx'>('pdf');
  const [printerName, setPrinterName] = useState('Mặc định');
  const [startSerial, setStartSerial] = useState('');
  // After issuing, only the next number is refreshed: the clerk's edits stay in the form.
  const [issuedTick, setIssuedTick] = useState(0);
  const next = useLoad(() => api.documents.defaults({ campaignId: campaign.id, type }), [campaign.id, type, issuedTick]);
  // The preview belongs to the options it was made with: a change of type or option hides it (and its
  // "Lưu PDF"), so a clerk never saves the previous document under the new choice.
  const startedFor = useRef<string | null>(null);
  const [docFor, setDocFor] = useState<string | null>(null);
  const gen = useGenerate((d) => {
    setDocFor(startedFor.current);
    if (d.numberText) setIssuedTick((t) => t + 1);
  });

  useEffect(() => {
    const d = defaults.data;
    if (!d) return;
    setSubject(d.subject);
    setIntro(d.intro);
    setBody(d.body);
    setRecipients(d.recipients.join('\n'));
    setSigner(d.signer);
  }, [defaults.data]);

  const options = (issue: boolean): GenerateOptions => ({
    campaignId: campaign.id, type, issue, issuedOn,
    ...(EDITABLE_TEXT.includes(type) ? { subject, intro, body, recipients: recipients.split('\n').map((r) => r.trim()).filter(Boolean) } : {}),
    ...(WITH_SIGNER.includes(type) ? { signer } : {}),
    invitationMode, format: LISTS.includes(type) ? format : 'pdf', printerName,
    ...(unitId !== '' ? { unitId } : {}),
    ...(type === 'certificates' && startSerial.trim() ? { startSerial: startSerial.trim() } : {}),
  });
  const canIssue = NUMBERED.includes(type) || (type === 'certificates' && startSerial.trim() !== '');
  const optionsKey = JSON.stringify(options(false));
  const startJob = (issue: boolean) => {
    startedFor.current = optionsKey;
    void gen.start(options(issue));
  };
  const { setError: setGenError } = gen;
  useEffect(() => setGenError(null), [optionsKey, setGenError]);

  return (
    <div className="row" style={{ alignItems: 'flex-start', gap: 16 }}>
      <form className="card form-grid" style={{ flex: '0 0 430px' }} onSubmit={(e) => e.preventDefault()} aria-label="Văn bản cần in">
        <Field label="Loại văn bản">
          <select value={type} onChange={(e) => setType(e.target.value as DocumentType)}>
            {CHOICES.map((t) => <option key={t} value={t}>{DOCUMENT_TYPES[t]}</option>)}
          </select>
        </Field>
        <Field
          label="Ngày ghi trên văn bản"
          hint={type === 'eligible-donors' ? 'Danh sách tính đến ngày này (ai đủ thời gian giãn cách vào ngày này).' : type === 'honour-list' || type === 'honour-certificates' ? 'Số lần hiến được tính đến ngày này, như tab “Mốc vinh danh”.' : undefined}
        >
          <DateInput label="Ngày ghi trên văn bản" value={issuedOn} onChange={setIssuedOn} />
        </Field>
        {next.data?.nextNumberText && <p className="muted">Số sẽ cấp khi phát hành: {next.data.nextNumberText}</p>}
        <ErrorBanner message={defaults.error} />
        {EDITABLE_TEXT.includes(type) && (
          <>
            <Field label="Trích yếu"><input value={subject} onChange={(e) => setSubject(e.target.value)} /></Field>
            {type === 'plan' && <Field label="Đoạn mở đầu"><textarea rows={3} value={intro} onChange={(e) => setIntro(e.target.value)} /></Field>}
            <Field label="Nội dung" hint="Dòng “I. …” là đề mục, “1. …” là mục nhỏ, “- …” là gạch đầu dòng; {{ten_dot}}… được điền từ dữ liệu đợt.">
              <textarea rows={12} value={body} onChange={(e) => setBody(e.target.value)} />
            </Field>
            {type !== 'invitations' && <Field label="Nơi nhận (mỗi dòng một nơi; “Lưu: VT.” tự thêm)"><textarea rows={4} value={recipients} onChange={(e) => setRecipients(e.target.value)} /></Field>}
          </>
        )}
        {type === 'invitations' && (
          <Field label="Mời theo">
            <select value={invitationMode} onChange={(e) => setInvitationMode(e.target.value as 'unit' | 'person')}>
              <option value="unit">Từng đơn vị (kèm danh sách)</option>
              <option value="person">Từng người</option>
            </select>
          </Field>
        )}
        {(type === 'invitations' || LISTS.includes(type)) && (
          <Field label="Đơn vị">
            <select value={unitId} onChange={(e) => setUnitId(e.target.value ? Number(e.target.value) : '')}>
              <option value="">Tất cả đơn vị</option>
              {(units.data ?? []).map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
            </select>
          </Field>
        )}
        {LISTS.includes(type) && (
          <Field label="Định dạng">
            <select value={format} onChange={(e) => setFormat(e.target.value as 'pdf' | 'xlsx')}>
              <option value="pdf">PDF</option>
              <option value="xlsx">Excel (.xlsx)</option>
            </select>
          </Field>
        )}
        {type === 'certificates' && (
          <>
            <Field label="Máy in (vị trí in đã lưu)">
              <input list="doc-printers" value={printerName} onChange={(e) => setPrinterName(e.target.value)} />
              <datalist id="doc-printers">{(printers.data ?? []).map((p) => <option key={p} value={p} />)}</datalist>
            </Field>
            <Field label="Số phôi của tờ đầu tiên trong khay" hint="Để trống khi in thử; khi có số, bấm “Phát hành” để ghi sổ số phôi.">
              <input value={startSerial} onChange={(e) => setStartSerial(e.target.value)} placeholder="Ví dụ: 012345" />
            </Field>
          </>
        )}
        {WITH_SIGNER.includes(type) && (
          <fieldset>
            <legend>Người ký</legend>
            <Field label="Thẩm quyền (TM., KT., TL.…)"><input value={signer.authorityLine} onChange={(e) => setSigner({ ...signer, authorityLine: e.target.value })} /></Field>
            <Field label="Chức vụ"><input value={signer.title} onChange={(e) => setSigner({ ...signer, title: e.target.value })} /></Field>
            <Field label="Họ và tên"><input value={signer.name} onChange={(e) => setSigner({ ...signer, name: e.target.value })} /></Field>
          </fieldset>
        )}
        <div className="form-actions">
          <button type="button" disabled={gen.running || defaults.loading} onClick={() => startJob(false)}>Xem trước</button>
          {canIssue && (
            <button type="button" className="primary" disabled={gen.running || defaults.loading} onClick={() => startJob(true)}>
              {type === 'certificates' ? 'Phát hành và ghi sổ số phôi' : 'Phát hành (cấp số)'}
            </button>
          )}
        </div>
        <ProgressBar status={gen.status} onCancel={gen.cancel} />
        <ErrorBanner message={gen.error} onClose={() => gen.setError(null)} />
      </form>
      <div style={{ flex: 1, minWidth: 0 }}>
        <PreviewPane doc={docFor === optionsKey ? gen.doc : null} />
      </div>
    </div>
  );
}
