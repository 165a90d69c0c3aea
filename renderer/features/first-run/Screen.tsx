import { useState, type FormEvent } from 'react';
import { api, call } from '../../api';
import { useAction } from '../../components/hooks';
import { ErrorBanner, Field } from '../../components/ui';

/** First start: who the office is (for every document's heading) and the first campaign. */
export function FirstRunScreen({ onDone }: { onDone(): void }) {
  const [f, setF] = useState({
    officeName: '', parentBody: '', placeName: '', signerName: '', signerTitle: '', signerAuthority: 'TM.' as const,
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
        signerName: f.signerName, signerTitle: f.signerTitle, signerAuthority: f.signerAuthority, docSuffix: 'BCĐ',
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
          <Field label="Tên cơ quan ban hành văn bản" hint="Ví dụ: BAN CHỈ ĐẠO VẬN ĐỘNG HIẾN MÁU TÌNH NGUYỆN">
            <input required value={f.officeName} onChange={set('officeName')} autoFocus />
          </Field>
          <Field label="Cơ quan cấp trên" hint="Ví dụ: UBND TỈNH LẠNG SƠN">
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
            <Field label="Ngày hiến máu"><input type="date" value={f.donationDate} onChange={set('donationDate')} /></Field>
          </div>
        </fieldset>
        <button className="primary" type="submit" disabled={busy}>{busy ? 'Đang lưu…' : 'Bắt đầu'}</button>
      </form>
    </div>
  );
}
