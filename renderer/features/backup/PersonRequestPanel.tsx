import { useState } from 'react';
import type { PersonSummary } from '../../../shared/ipc/channels/privacy';
import { api, call } from '../../api';
import { useAction } from '../../components/hooks';
import { ErrorBanner, Field, Modal, Notice } from '../../components/ui';

type Mode = 'delete' | 'anonymise';
const CONFIRM_WORD = 'XOÁ';
/** "XOÁ", "XÓA", "xoá", decomposed (NFD) input or no diacritics at all: the clerk typed the word. */
export const confirmsDelete = (typed: string) => typed.normalize('NFD').replace(/[\u0300-\u036f]/g, '').trim().toUpperCase() === 'XOA';

/** A person's request about their data: find them, then delete everything or anonymise. */
export function PersonRequestPanel() {
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<PersonSummary[] | null>(null);
  const [target, setTarget] = useState<{ person: PersonSummary; mode: Mode } | null>(null);
  const [typed, setTyped] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, error, setError, run } = useAction();

  const search = () => run(async () => setFound(await call(api.privacy.findPeople({ query }))));
  const erase = () => target && run(async () => {
    const r = await call(api.privacy.erasePerson({ id: target.person.id, mode: target.mode }));
    setNotice(r.mode === 'delete'
      ? `Đã xoá hồ sơ (${r.people} hồ sơ, ${r.registrations} đăng ký, ${r.donations} lần hiến). Việc xoá đã được ghi vào nhật ký.`
      : `Đã ẩn danh hồ sơ (${r.people} hồ sơ); ${r.registrations} đăng ký và ${r.donations} lần hiến vẫn được đếm trong báo cáo.`);
    setTarget(null);
    setTyped('');
    setFound(await call(api.privacy.findPeople({ query })));
  });

  return (
    <div>
      <ErrorBanner message={error} onClose={() => setError(null)} />
      <Notice message={notice} />
      <p className="muted">
        Khi một người yêu cầu xoá thông tin cá nhân của mình (Luật Bảo vệ dữ liệu cá nhân): tìm người đó theo họ tên, số CCCD hoặc số
        điện thoại. “Ẩn danh” giữ số lượt đăng ký và hiến máu cho báo cáo nhưng xoá họ tên, ngày sinh, số giấy tờ, điện thoại, địa chỉ;
        “Xoá hẳn” xoá cả hồ sơ, đăng ký và lần hiến. Các bản sao lưu cũ vẫn còn thông tin cho đến khi hết hạn lưu giữ (tối đa 12 tháng).
      </p>
      <form className="toolbar" onSubmit={(e) => { e.preventDefault(); void search(); }}>
        <input value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Họ tên, số CCCD hoặc số điện thoại" aria-label="Tìm người" style={{ minWidth: 320 }} />
        <button type="submit" className="primary" disabled={busy || query.trim().length < 2}>Tìm</button>
      </form>
      {found && found.length === 0 && <p className="muted">Không tìm thấy ai phù hợp.</p>}
      {found && found.length > 0 && (
        <table className="table" aria-label="Kết quả tìm người">
          <thead><tr><th>Họ tên</th><th>Năm sinh</th><th>CCCD/CMND</th><th>Điện thoại</th><th className="num">Đăng ký</th><th className="num">Lần hiến</th><th /></tr></thead>
          <tbody>
            {found.map((p) => (
              <tr key={p.id} className={p.anonymised ? 'archived' : ''}>
                <td>{p.fullName}</td>
                <td>{p.birthYear}</td>
                <td>{p.maskedId}</td>
                <td>{p.maskedPhone}</td>
                <td className="num">{p.registrations}</td>
                <td className="num">{p.donations}</td>
                <td className="row-actions">
                  <button onClick={() => setTarget({ person: p, mode: 'anonymise' })} disabled={busy || p.anonymised}>Ẩn danh…</button>
                  <button onClick={() => setTarget({ person: p, mode: 'delete' })} disabled={busy}>Xoá hẳn…</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {target && (
        <Modal
          title={target.mode === 'delete' ? 'Xoá hẳn hồ sơ' : 'Ẩn danh hồ sơ'}
          onClose={() => { setTarget(null); setTyped(''); }}
          footer={<>
            <button onClick={() => { setTarget(null); setTyped(''); }}>Huỷ</button>
            <button className="primary" onClick={erase} disabled={busy || !confirmsDelete(typed)}>
              {target.mode === 'delete' ? 'Xoá hẳn' : 'Ẩn danh'}
            </button>
          </>}
        >
          <p>
            <strong>{target.person.fullName}</strong> ({target.person.birthYear || 'không rõ năm sinh'}, CCCD {target.person.maskedId || '—'}):{' '}
            {target.person.registrations} đăng ký, {target.person.donations} lần hiến.
          </p>
          <p>{target.mode === 'delete'
            ? 'Hồ sơ, mọi đăng ký, lần hiến, khen thưởng và lịch sử gộp của người này sẽ bị xoá. Không hoàn tác được.'
            : 'Họ tên, ngày sinh, số giấy tờ, điện thoại, địa chỉ và dòng dữ liệu gốc sẽ bị xoá; số lượt vẫn được đếm. Không hoàn tác được.'}
          </p>
          <Field label={`Gõ ${CONFIRM_WORD} để xác nhận`}>
            <input value={typed} onChange={(e) => setTyped(e.target.value)} aria-label="Xác nhận" />
          </Field>
        </Modal>
      )}
    </div>
  );
}
