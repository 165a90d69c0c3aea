import type { ServiceContext } from '../context';
import type { DonorQuery, DonorSummary } from '../../../shared/ipc/channels/donors';
import { donorQuerySchema } from '../../../shared/ipc/channels/donors';
import { foldVietnamese } from '../../../shared/domain/text';
import { isRhNegative, registry, toSummary, type RegistryPerson } from './registry-index';

/** The registry with filters and paging; name search ignores case and diacritics, digits search phone and ID. */
export function searchDonors(ctx: ServiceContext, query: DonorQuery): { total: number; items: DonorSummary[] } {
  const q = donorQuerySchema.parse(query);
  const text = q.q.trim();
  const tests: ((p: RegistryPerson) => boolean)[] = [];
  if (text && /^[\d\s.+\-]+$/.test(text)) {
    const digits = text.replace(/\D/g, '');
    if (digits) tests.push((p) => p.digits.includes(digits));
  } else if (text) {
    const tokens = foldVietnamese(text).split(' ').filter(Boolean);
    const probes = tokens.map((t) => ' ' + t);
    tests.push((p) => probes.every((x) => p.spaced.includes(x)) && tokens.every((t) => p.words.some((w) => w.startsWith(t))));
  }
  if (q.bloodGroup) {
    const g = q.bloodGroup.toUpperCase().replace(/\s+/g, '');
    tests.push((p) => (p.bloodGroup ?? '').toUpperCase().replace(/\s+/g, '').startsWith(g));
  }
  if (q.rhNegative) tests.push((p) => isRhNegative(p.bloodGroup));
  if (q.reserve) tests.push((p) => p.reserve);
  if (q.unitId !== null) tests.push((p) => p.unitId === q.unitId);
  if (q.minDonations > 0) tests.push((p) => p.donationCount >= q.minDonations);
  const all = registry(ctx);
  const hits = tests.length ? all.filter((p) => tests.every((t) => t(p))) : all;
  return { total: hits.length, items: hits.slice(q.offset, q.offset + q.limit).map(toSummary) };
}
