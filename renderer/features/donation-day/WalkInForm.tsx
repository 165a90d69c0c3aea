import { useState, type FormEvent } from 'react';
import type { CheckinHit, WalkInInput } from '../../../shared/ipc/channels/donation-day';
import type { Unit } from '../../../shared/ipc/channels/units';
import { api, call } from '../../api';
import { useAction } from '../../components/hooks';
import { ErrorBanner, Field, Modal } from '../../components/ui';
import { PersonLine } from './person-line';

/** "Người hiến tại chỗ": same duplicate check as the lists — the registry is searched before a new person is made. */
export function WalkInForm({ campaignId, units, today, onDone, onClose }: { campaignId: number; units: Unit[]; today: string; onDone(h: CheckinHit): void; onClose(): void }) {
  const [v, setV] = useState({ fullName: '', gender: '', birth: '', phone: '', nationalId: '', unitId: '', address: '', bloodGroup: '' });
  const [candidates, setCandidates] = useState<CheckinHit[] | null>(null);
  const { busy, error, setError, run } = useAction();
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value });
  const input = (): WalkInInput => ({
    campaignId,
    fullName: v.fullName,
    gender: v.gender === 'M' || v.gender === 'F' ? v.gender : null,
    birthDate: /^\d{4}$/.test(v.birth) ? v.birth : /^\d{1,2}\/\d{1,2}\/\d{4}$/.test(v.birth) ? v.birth.split('/').reverse().map((x) => x.padStart(2, '0')).join('-') : v.birth || null,
    phone: v.phone || null,
    nationalId: v.nationalId || null,
    unitId: v.unitId ? Number(v.unitId) : null,
    address: v.address || null,
    bloodGroup: v.bloodGroup || null,
  });
  const submit = (extra: Partial<WalkInInput> = {}) =>
    run(async () => {
      const r = await call(api.donationDay.walkIn({ ...input(), ...extra }));
      if (r.status === 'matches') setCandidates(r.candidates);
      else if (r.hit) onDone(r.hit);
    });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit();
  };
  return (
    <Modal title="Thêm người hiến tại chỗ" onClose={onClose}>
      <ErrorBanner message={error} onClose={() => setError(null)} />
      {candidates ? (
        <div>
          <p>Trong dữ liệu đã có {candidates.length === 1 ? 'một người' : `${candidates.length} người`} có thể là người này. Nếu đúng, hãy chọn để không tạo trùng:</p>
          {candidates.map((c) => (
            <div key={c.personId} className="card" style={{ marginBottom: 8, display: 'flex', justifyContent: 'space-between', gap: 8 }}>
              <PersonLine h={c} today={today} />
              <button className="primary" disabled={busy} onClick={() => void submit({ usePersonId: c.personId })}>Đúng người này</button>
            </div>
          ))}
          <div className="form-actions">
            <button onClick={() => setCandidates(null)}>Sửa thông tin</button>
            <button disabled={busy} onClick={() => void submit({ createNew: true })}>Không phải — thêm người mới</button>
          </div>
        </div>
      ) : (
        <form onSubmit={onSubmit} aria-label="Thông tin người hiến tại chỗ">
          <Field label="Họ và tên"><input autoFocus required value={v.fullName} onChange={set('fullName')} /></Field>
          <div className="form-grid">
            <Field label="Giới tính">
              <select value={v.gender} onChange={set('gender')}><option value="">—</option><option value="M">Nam</option><option value="F">Nữ</option></select>
            </Field>
            <Field label="Ngày sinh hoặc năm sinh" hint="Ví dụ: 28/5/1990 hoặc 1990"><input value={v.birth} onChange={set('birth')} /></Field>
            <Field label="Số điện thoại"><input inputMode="tel" value={v.phone} onChange={set('phone')} /></Field>
            <Field label="Số CCCD"><input inputMode="numeric" value={v.nationalId} onChange={set('nationalId')} /></Field>
            <Field label="Đơn vị">
              <select value={v.unitId} onChange={set('unitId')}>
                <option value="">Không thuộc đơn vị nào</option>
                {units.filter((u) => !u.archived).map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
              </select>
            </Field>
            <Field label="Nhóm máu (nếu biết)"><input value={v.bloodGroup} onChange={set('bloodGroup')} /></Field>
          </div>
          <Field label="Địa chỉ"><input value={v.address} onChange={set('address')} /></Field>
          <div className="form-actions"><button type="button" onClick={onClose}>Huỷ</button><button type="submit" className="primary" disabled={busy}>Thêm và mở để ghi kết quả</button></div>
        </form>
      )}
    </Modal>
  );
}
