import { useState, type FormEvent } from 'react';
import type { Campaign, CampaignInput } from '../../../shared/ipc/channels/campaigns';
import { DEFAULT_SUPPORT } from '../../../shared/domain/support';
import { CAMPAIGN_RULE_DEFAULTS as D } from '../../../shared/domain/campaign-defaults';
import { Field } from '../../components/ui';
import { DateInput } from './DateInput';
import { MoneyInput } from '../../components/MoneyInput';

export interface CampaignDraft {
  name: string; slogan: string; planNumber: string; legalBases: string; registrationDeadline: string; donationDates: string[];
  donationTime: string; place: string; bloodFacility: string; targetRegistrants: string; targetBloodUnits: string;
  ageMinMale: string; ageMaxMale: string; ageMinFemale: string; ageMaxFemale: string; minIntervalDays: string;
  gift250: string; gift350: string; gift450: string; travel: string; meal: string;
}

export function draftOf(c: Partial<Campaign> | null): CampaignDraft {
  const s = c?.support ?? DEFAULT_SUPPORT;
  const n = (v: number | null | undefined, d = '') => (v === null || v === undefined ? d : String(v));
  return {
    name: c?.name ?? '', slogan: c?.slogan ?? '', planNumber: c?.planNumber ?? '', legalBases: (c?.legalBases ?? []).join('\n'),
    registrationDeadline: c?.registrationDeadline ?? '', donationDates: c?.donationDates?.length ? c.donationDates : [''],
    donationTime: c?.donationTime ?? '', place: c?.place ?? '', bloodFacility: c?.bloodFacility ?? '',
    targetRegistrants: n(c?.targetRegistrants), targetBloodUnits: n(c?.targetBloodUnits),
    ageMinMale: n(c?.ageMinMale, String(D.ageMinMale)), ageMaxMale: n(c?.ageMaxMale, String(D.ageMaxMale)), ageMinFemale: n(c?.ageMinFemale, String(D.ageMinFemale)), ageMaxFemale: n(c?.ageMaxFemale, String(D.ageMaxFemale)),
    minIntervalDays: n(c?.minIntervalDays, String(D.minIntervalDays)),
    gift250: String(s.gift[250]), gift350: String(s.gift[350]), gift450: String(s.gift[450]), travel: String(s.travel), meal: String(s.meal),
  };
}

/** Draft → the service's input; digits only in number fields ("1.000" → 1000). */
export function inputOf(d: CampaignDraft): CampaignInput {
  const num = (s: string) => (s.replace(/\D/g, '') === '' ? null : Number(s.replace(/\D/g, '')));
  const int = (s: string, dflt: number) => num(s) ?? dflt;
  return {
    name: d.name, slogan: d.slogan || null, planNumber: d.planNumber || null,
    legalBases: d.legalBases.split('\n').map((l) => l.trim()).filter(Boolean),
    registrationDeadline: d.registrationDeadline || null, donationDates: d.donationDates.filter(Boolean),
    donationTime: d.donationTime || null, place: d.place || null, bloodFacility: d.bloodFacility || null,
    targetRegistrants: num(d.targetRegistrants), targetBloodUnits: num(d.targetBloodUnits),
    ageMinMale: int(d.ageMinMale, D.ageMinMale), ageMaxMale: int(d.ageMaxMale, D.ageMaxMale), ageMinFemale: int(d.ageMinFemale, D.ageMinFemale), ageMaxFemale: int(d.ageMaxFemale, D.ageMaxFemale),
    minIntervalDays: int(d.minIntervalDays, D.minIntervalDays),
    support: { gift: { 250: int(d.gift250, 0), 350: int(d.gift350, 0), 450: int(d.gift450, 0) }, travel: int(d.travel, 0), meal: int(d.meal, 0) },
  };
}

export function CampaignForm({ initial, busy, onSave, onCancel }: { initial: CampaignDraft; busy: boolean; onSave(d: CampaignDraft): void; onCancel(): void }) {
  const [d, setD] = useState(initial);
  const set = (k: keyof CampaignDraft) => (e: { target: { value: string } }) => setD({ ...d, [k]: e.target.value });
  const text = (k: keyof CampaignDraft, label: string, hint?: string, type = 'text') => (
    <Field label={label} hint={hint}><input type={type} value={d[k] as string} onChange={set(k)} inputMode={type === 'number' ? 'numeric' : undefined} /></Field>
  );
  const money = (k: keyof CampaignDraft, label: string) => (
    <Field label={label}><MoneyInput label={label} value={d[k] as string} onChange={(v) => setD((x) => ({ ...x, [k]: v }))} /></Field>
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSave(d);
  };
  return (
    <form onSubmit={submit} aria-label="Thông tin đợt hiến máu">
      <fieldset>
        <legend>Kế hoạch</legend>
        <Field label="Tên đợt / chương trình"><input value={d.name} onChange={set('name')} required autoFocus placeholder="Hành trình đỏ - Giọt hồng Xứ Lạng năm 2026" /></Field>
        <div className="form-grid">
          {text('slogan', 'Thông điệp / khẩu hiệu')}
          {text('planNumber', 'Số kế hoạch', 'Ví dụ: 15/KH-BCĐ')}
        </div>
        <Field label="Căn cứ (mỗi dòng một văn bản)"><textarea rows={4} value={d.legalBases} onChange={set('legalBases')} placeholder="Công văn số 02/BCĐ ngày 04/01/2026 của Ban Chỉ đạo vận động hiến máu tình nguyện tỉnh…" /></Field>
      </fieldset>
      <fieldset>
        <legend>Thời gian, địa điểm</legend>
        <div className="form-grid">
          <Field label="Hạn gửi danh sách đăng ký" hint="ngày/tháng/năm, ví dụ 15/5/2026">
            <DateInput label="Hạn gửi danh sách đăng ký" value={d.registrationDeadline} onChange={(v) => setD((x) => ({ ...x, registrationDeadline: v }))} />
          </Field>
          {text('donationTime', 'Giờ', 'Ví dụ: 6 giờ 30 phút')}
        </div>
        <div className="field">
          <span className="field-label">Ngày hiến máu</span>
          {d.donationDates.map((v, i) => (
            <div key={i} className="row" style={{ marginBottom: 4 }}>
              <DateInput label={`Ngày hiến máu ${i + 1}`} value={v} onChange={(iso) => setD((x) => ({ ...x, donationDates: x.donationDates.map((y, j) => (j === i ? iso : y)) }))} />
              {d.donationDates.length > 1 && <button type="button" className="link" onClick={() => setD({ ...d, donationDates: d.donationDates.filter((_, j) => j !== i) })}>Bỏ</button>}
            </div>
          ))}
          <div><button type="button" className="link" onClick={() => setD({ ...d, donationDates: [...d.donationDates, ''] })}>+ Thêm ngày</button></div>
        </div>
        {text('place', 'Địa điểm')}
        {text('bloodFacility', 'Cơ sở tiếp nhận máu', 'Ví dụ: Viện Huyết học - Truyền máu Trung ương')}
      </fieldset>
      <fieldset>
        <legend>Chỉ tiêu và điều kiện</legend>
        <div className="form-grid">
          {text('targetRegistrants', 'Chỉ tiêu người đăng ký', undefined, 'number')}
          {text('targetBloodUnits', 'Chỉ tiêu đơn vị máu', undefined, 'number')}
          {text('ageMinMale', 'Nam: từ tuổi', undefined, 'number')}
          {text('ageMaxMale', 'Nam: đến tuổi', undefined, 'number')}
          {text('ageMinFemale', 'Nữ: từ tuổi', undefined, 'number')}
          {text('ageMaxFemale', 'Nữ: đến tuổi', 'Nhiều kế hoạch đặt nữ 18–55', 'number')}
          {text('minIntervalDays', 'Khoảng cách tối thiểu giữa hai lần hiến (ngày)', '12 tuần = 84 ngày', 'number')}
        </div>
      </fieldset>
      <fieldset>
        <legend>Mức hỗ trợ (đồng/người, Thông tư 15/2023/TT-BYT)</legend>
        <div className="form-grid">
          {money('gift250', 'Quà tặng 250 ml')}
          {money('gift350', 'Quà tặng 350 ml')}
          {money('gift450', 'Quà tặng 450 ml')}
          {money('travel', 'Hỗ trợ đi lại (tối đa)')}
          {money('meal', 'Hỗ trợ ăn nhẹ (tối đa)')}
        </div>
      </fieldset>
      <div className="form-actions">
        <button type="button" onClick={onCancel}>Huỷ</button>
        <button type="submit" className="primary" disabled={busy}>Lưu đợt hiến máu</button>
      </div>
    </form>
  );
}
