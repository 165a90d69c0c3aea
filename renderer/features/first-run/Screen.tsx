import { useState, type FormEvent } from 'react';
import { api, call } from '../../api';
import { useAction } from '../../components/hooks';
import { ErrorBanner, Field } from '../../components/ui';
import { suggestedDocSuffix } from '../../../shared/domain/documents/format';
import { DateInput } from '../../components/DateInput';

/** First start: who the office is (for every document's heading) and the first campaign. */
export function FirstRunScreen({ onDone }: { onDone(): void }) {
  const [f, setF] = useState({
    officeName: '', parentBody: '', placeName: '', signerName: '', signerTitle: '', signerAuthority: 'TM.' as const,
    docSuffix: '', standingBody: '',
    campaignName: `Đợt 1 năm ${new Date().getFullYear()}`, donationDate: '',
  });
  const { busy, error, run } = useAction();
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await call(api.campaigns.create({ name: f.campaignName, donationDates: f.donationDate ? [f.donationDate] : [] }));
      await call(api.settings.saveOffice({
        officeName: f.officeName, parentBody: f.parentBody, placeName: f.placeName,
        signerName: f.signerName, signerTitle: f.signerTitle, signerAuthority: f.signerAuthority,
        docSuffix: f.docSuffix.trim() || suggestedDocSuffix(f.officeName), standingBody: f.standingBody,
      }));
      onDone();
    });
  };

  return (
    <div className="first-run">
      <form className="card first-run-card" onSubmit={submit}>
        <h1>Chào mừng đến với Giọt Hồng</h1>
        <p className="muted">
          Vài thông tin để bắt đầu. Tên cơ quan, địa danh và người ký sẽ xuất hiện trên kế hoạch, giấy mời, báo cáo;
          có thể sửa lại bất cứ lúc nào trong “Sao lưu &amp; cài đặt”.
        </p>
        <ErrorBanner message={error} />
        <fieldset>
          <legend>Cơ quan</legend>
          <Field label="Tên cơ quan ban hành văn bản" hint="Ví dụ: Hội Chữ thập đỏ thành phố hoặc Ban Chỉ đạo vận động hiến máu tình nguyện thành phố">
            <input required value={f.officeName} onChange={set('officeName')} autoFocus />
          </Field>
          <Field label="Ký hiệu cơ quan trong số văn bản" hint={`Phần sau dấu gạch trong “Số: 15/KH-${f.docSuffix.trim() || suggestedDocSuffix(f.officeName)}”`}>
            <input value={f.docSuffix} onChange={set('docSuffix')} placeholder={suggestedDocSuffix(f.officeName)} maxLength={30} />
          </Field>
          <Field label="Cơ quan Thường trực Ban Chỉ đạo" hint="Ghi trong kế hoạch, mục Tổ chức thực hiện. Ví dụ: Hội Chữ thập đỏ thành phố">
            <input value={f.standingBody} onChange={set('standingBody')} />
          </Field>
          <Field label="Cơ quan cấp trên" hint="Ví dụ: UBND thành phố Lạng Sơn">
            <input value={f.parentBody} onChange={set('parentBody')} />
          </Field>
          <Field label="Địa danh ghi trên văn bản" hint="Dùng cho dòng “…, ngày … tháng … năm …”">
            <input required value={f.placeName} onChange={set('placeName')} />
          </Field>
        </fieldset>
        <fieldset>
          <legend>Người ký</legend>
          <div className="row">
            <Field label="Thẩm quyền">
              <select value={f.signerAuthority} onChange={set('signerAuthority')}>
                {['', 'TM.', 'KT.', 'TL.', 'Q.', 'TUQ.'].map((a) => <option key={a} value={a}>{a || '(không)'}</option>)}
              </select>
            </Field>
            <Field label="Chức vụ"><input value={f.signerTitle} onChange={set('signerTitle')} placeholder="TRƯỞNG BAN" /></Field>
            <Field label="Họ và tên"><input value={f.signerName} onChange={set('signerName')} /></Field>
          </div>
        </fieldset>
        <fieldset>
          <legend>Đợt hiến máu đầu tiên</legend>
          <div className="row">
            <Field label="Tên đợt"><input required value={f.campaignName} onChange={set('campaignName')} /></Field>
            <Field label="Ngày hiến máu" hint="ngày/tháng/năm, có thể để trống"><DateInput label="Ngày hiến máu" value={f.donationDate} onChange={(iso) => setF((x) => ({ ...x, donationDate: iso }))} /></Field>
          </div>
        </fieldset>
        <button className="primary" type="submit" disabled={busy}>{busy ? 'Đang lưu…' : 'Bắt đầu'}</button>
      </form>
    </div>
  );
}
