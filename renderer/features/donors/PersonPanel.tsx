import type { PersonPage } from '../../../shared/ipc/channels/donors';
import { api, call } from '../../api';
import { useAction, useLoad } from '../../components/hooks';
import { formatDate, formatNumber } from '../../components/format';
import { ErrorBanner } from '../../components/ui';

function Facts({ p }: { p: PersonPage }) {
  return (
    <dl>
      <dt>Giới tính</dt><dd>{p.gender === 'F' ? 'Nữ' : p.gender === 'M' ? 'Nam' : '—'}</dd>
      <dt>Ngày sinh</dt><dd>{formatDate(p.birthDate) || '—'}</dd>
      <dt>CCCD/CMND</dt><dd>{p.nationalId ?? '—'}</dd>
      <dt>Điện thoại</dt><dd>{p.phone ?? '—'}</dd>
      <dt>Địa chỉ</dt><dd>{p.address ?? '—'}</dd>
      <dt>Nơi làm việc</dt><dd>{p.workplace ?? '—'}</dd>
      <dt>Nhóm máu</dt><dd>{p.bloodGroup ?? '—'}</dd>
      <dt>Số lần hiến</dt><dd>{p.countExplained || formatNumber(p.donationCount)}</dd>
      <dt>Lần gần nhất</dt><dd>{formatDate(p.lastDonation) || '—'}</dd>
      <dt>Được hiến lại từ</dt><dd>{formatDate(p.nextEligible) || 'bất kỳ lúc nào'}</dd>
    </dl>
  );
}

/** A person's page: identity, contacts, units, donation history, certificates, honours. */
export function PersonPanel({ id, onChanged }: { id: number; onChanged(): void }) {
  const page = useLoad(() => api.donors.get({ id }), [id]);
  const { busy, error, setError, run } = useAction();
  const p = page.data;
  if (page.error) return <ErrorBanner message={page.error} />;
  if (!p) return <div className="card muted">Đang tải…</div>;
  const toggleReserve = () => run(async () => {
    await call(api.donors.setReserve({ personId: p.id, reserve: !p.reserve }));
    page.reload();
    onChanged();
  });
  return (
    <div className="card dn-person" aria-label={`Hồ sơ ${p.fullName}`}>
      <h2>{p.fullName}</h2>
      {p.mergedIds.length > 0 && <div className="muted">Đã gộp {p.mergedIds.length} hồ sơ trùng vào hồ sơ này.</div>}
      <ErrorBanner message={error} onClose={() => setError(null)} />
      <Facts p={p} />
      <label className="check"><input type="checkbox" checked={p.reserve} disabled={busy} onChange={toggleReserve} /> Người hiến máu dự bị</label>
      <h3>Đơn vị đăng ký</h3>
      {p.units.length ? <ul>{p.units.map((u, i) => <li key={i}>{u.unitName} — {u.campaignName}{u.credited ? '' : ' (không tính chỉ tiêu)'}</li>)}</ul> : <p className="muted">Chưa đăng ký đợt nào.</p>}
      <h3>Lịch sử hiến máu</h3>
      {p.donations.length ? (
        <table className="table">
          <thead><tr><th>Ngày</th><th>Đợt</th><th>Kết quả</th></tr></thead>
          <tbody>{p.donations.map((d) => <tr key={d.id}><td>{formatDate(d.date)}</td><td>{d.campaignName ?? ''}</td><td>{d.outcome === 'donated' ? `Hiến ${d.volumeMl ?? ''} ml` : `Hoãn: ${d.deferralReason ?? ''}`}</td></tr>)}</tbody>
        </table>
      ) : <p className="muted">Chưa có lần hiến nào được ghi.</p>}
      <h3>Giấy chứng nhận</h3>
      {p.certificates.length ? <ul>{p.certificates.map((c) => <li key={c.serial}>Số {c.serial} — {formatDate(c.issuedOn)}{c.status === 'void' ? ' (đã huỷ)' : ''}</li>)}</ul> : <p className="muted">Chưa có.</p>}
      <h3>Khen thưởng, vinh danh</h3>
      {p.honours.length ? <ul>{p.honours.map((h) => <li key={h.milestone}>Mốc {h.milestone} lần — đề nghị {formatDate(h.proposedOn)}{h.awardedOn ? `, đã trao ${formatDate(h.awardedOn)}` : ''}</li>)}</ul> : <p className="muted">Chưa có.</p>}
    </div>
  );
}
