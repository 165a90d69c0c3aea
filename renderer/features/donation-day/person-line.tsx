import type { CheckinHit } from '../../../shared/ipc/channels/donation-day';
import { formatDate, formatNumber } from '../../components/format';

export function outcomeLabel(h: CheckinHit): string {
  if (h.outcome === 'donated') return `Đã hiến${h.volumeMl ? ` ${h.volumeMl} ml` : ''}`;
  if (h.outcome === 'deferred') return `Hoãn: ${h.deferralReason ?? ''}`;
  if (h.outcome === 'came') return 'Đã đến';
  return 'Chưa đến';
}

/** What the clerk needs to recognise a person at the desk: name, birth, unit, masked phone/ID, history. */
export function PersonLine({ h, today }: { h: CheckinHit; today: string }) {
  const tooSoon = h.nextEligible !== null && h.nextEligible > today && h.outcome !== 'donated';
  return (
    <div className="dd-person">
      <div>
        <strong>{h.fullName}</strong>
        <span className="muted"> · {h.gender === 'F' ? 'Nữ' : h.gender === 'M' ? 'Nam' : ''} {formatDate(h.birthDate)}</span>
        {h.walkIn && <span className="dd-tag">Tại chỗ</span>}
      </div>
      <div className="muted">
        {h.unitName ?? 'Không thuộc đơn vị'}
        {h.phone && ` · ĐT …${h.phone.slice(-4)}`}
        {h.nationalId && ` · CCCD …${h.nationalId.slice(-4)}`}
        {` · đã hiến ${formatNumber(h.donationCount)} lần`}
        {h.lastDonation && `, gần nhất ${formatDate(h.lastDonation)}`}
      </div>
      {tooSoon && <div className="dd-warn">Chưa đủ khoảng cách giữa hai lần hiến: được hiến lại từ {formatDate(h.nextEligible)}.</div>}
    </div>
  );
}
