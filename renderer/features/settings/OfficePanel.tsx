import { useEffect, useState, type FormEvent } from 'react';
import type { OfficeProfile } from '../../../shared/ipc/channels/app';
import { api, call } from '../../api';
import { useAction, useLoad } from '../../components/hooks';
import { ErrorBanner, Field, Notice } from '../../components/ui';
import { suggestedDocSuffix } from '../../../shared/domain/documents/format';

const EMPTY: OfficeProfile = { officeName: '', parentBody: '', placeName: '', signerName: '', signerTitle: '', signerAuthority: '', docSuffix: 'BCĐ', standingBody: '' };

/** The office's identity as printed on every document, editable at any time. */
export function OfficePanel() {
  const loaded = useLoad(() => api.settings.getOffice({}), []);
  const [f, setF] = useState<OfficeProfile>(EMPTY);
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  useEffect(() => {
    if (loaded.data) setF({ ...EMPTY, ...loaded.data, standingBody: loaded.data.standingBody ?? '' });
  }, [loaded.data]);
  const set = (k: keyof OfficeProfile) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await call(api.settings.saveOffice({ ...f, docSuffix: f.docSuffix.trim() || suggestedDocSuffix(f.officeName) }));
      setNotice('Đã lưu thông tin cơ quan. Các văn bản in từ bây giờ dùng thông tin mới.');
    });
  };
  return (
    <form className="card" onSubmit={submit} aria-label="Thông tin cơ quan">
      <h2>Thông tin cơ quan</h2>
      <ErrorBanner message={error ?? loaded.error} />
      <Notice message={notice} />
      <div className="form-grid">
        <Field label="Tên cơ quan ban hành văn bản"><input required value={f.officeName} onChange={set('officeName')} /></Field>
        <Field label="Cơ quan cấp trên"><input value={f.parentBody} onChange={set('parentBody')} /></Field>
        <Field label="Địa danh ghi trên văn bản"><input required value={f.placeName} onChange={set('placeName')} /></Field>
        <Field label="Ký hiệu cơ quan trong số văn bản" hint={`Phần sau dấu gạch trong “Số: 15/KH-${f.docSuffix.trim() || suggestedDocSuffix(f.officeName)}”`}>
          <input value={f.docSuffix} onChange={set('docSuffix')} placeholder={suggestedDocSuffix(f.officeName)} maxLength={30} />
        </Field>
        <Field label="Cơ quan Thường trực Ban Chỉ đạo" hint="Ghi trong kế hoạch, mục Tổ chức thực hiện. Ví dụ: Hội Chữ thập đỏ thành phố">
          <input value={f.standingBody} onChange={set('standingBody')} maxLength={200} />
        </Field>
        <Field label="Thẩm quyền ký">
          <select value={f.signerAuthority} onChange={set('signerAuthority')}>
            {['', 'TM.', 'KT.', 'TL.', 'Q.', 'TUQ.'].map((a) => <option key={a} value={a}>{a || '(không)'}</option>)}
          </select>
        </Field>
        <Field label="Chức vụ người ký"><input value={f.signerTitle} onChange={set('signerTitle')} /></Field>
        <Field label="Họ và tên người ký"><input value={f.signerName} onChange={set('signerName')} /></Field>
        <div className="form-actions"><button className="primary" type="submit" disabled={busy}>Lưu thông tin cơ quan</button></div>
      </div>
    </form>
  );
}
