import type { Reader } from '../../db/data';
import { sql, statement } from '../../db/query';
import type { ResultRow } from '../../../shared/ipc/channels/donation-day';
import { birthYearOf, idKey, nameKey, phoneKey } from '../../../shared/domain/people/identity';
import { autoMergeRule, blockingKeys, DEFAULT_THRESHOLD, nameSimilarity, prepareRecord, scorePair, type PreparedRecord } from '../../../shared/domain/matching';
import { loadRootResolver } from '../people/survivors';

/** How a result row was decided; each one is said to the clerk in these words. */
export type MatchRule = 'nid' | 'phone+name' | 'name+year' | 'similar';

export const MATCH_RULE_LABELS: Record<MatchRule, string> = {
  nid: 'cùng số CCCD/CMND',
  'phone+name': 'cùng số điện thoại và họ tên',
  'name+year': 'cùng họ tên và năm sinh, chỉ một người đăng ký như vậy',
  similar: 'gần giống đúng một người đăng ký',
};

export type MatchOutcome =
  | { kind: 'matched'; personId: number; by: MatchRule }
  | { kind: 'ambiguous'; personIds: number[]; by: MatchRule; reason: string }
  | { kind: 'none' };

/** Below the merge threshold but worth the clerk's look rather than a new walk-in. */
const REVIEW_SCORE = 0.5;
/** A name written a little differently (a dropped diacritic, one letter) still goes with a shared phone. */
const PHONE_NAME_SIMILARITY = 0.85;

/** One registered person of the campaign as every one of their registration rows and their record describe them. */
interface Registrant {
  personId: number;
  ids: Set<string>;
  phones: Set<string>;
  names: Set<string>;
  fullNames: string[];
  years: Set<number>;
  genders: Set<'M' | 'F'>;
  records: PreparedRecord[];
}

interface RegistrationSource {
  person_id: number;
  raw: string;
  full_name: string;
  national_id: string | null;
  phone: string | null;
  birth_date: string | null;
  gender: 'M' | 'F' | null;
}

const registrationSources = statement<{ campaignId: number }, RegistrationSource>(
  (p) => sql<RegistrationSource>`SELECT r.person_id, r.raw, p.full_name, p.national_id, p.phone, p.birth_date, p.gender
       FROM registrations r JOIN people p ON p.id = r.person_id
       LEFT JOIN import_batches b ON b.id = r.batch_id
       WHERE r.campaign_id = ${p.campaignId} AND r.status = 'active' AND p.deleted_at IS NULL AND (b.id IS NULL OR b.status = 'committed')
       ORDER BY r.credited DESC, r.id`,
);

function add<K, V>(m: Map<K, Set<V>>, k: K, v: V) {
  const s = m.get(k);
  if (s) s.add(v);
  else m.set(k, new Set([v]));
}

/**
 * The campaign's registered people, each with every ID, phone, name and birth year any of their rows
 * gave (a person's second list may carry the phone the first one lacked). Walk-ins created from a
 * result list are not registrants.
 */
export function loadRegistrants(read: Reader, campaignId: number): Registrant[] {
  const resolve = loadRootResolver(read);
  const rows = read.all(registrationSources, { campaignId });
  const byRoot = new Map<number, Registrant>();
  for (const r of rows) {
    let raw: { walkIn?: boolean; resultFile?: string; values?: Record<string, unknown> } = {};
    try {
      raw = JSON.parse(r.raw);
    } catch {
      raw = {};
    }
    if (raw.walkIn && raw.resultFile) continue;
    const root = resolve(r.person_id);
    let g = byRoot.get(root);
    if (!g) byRoot.set(root, (g = { personId: root, ids: new Set(), phones: new Set(), names: new Set(), fullNames: [], years: new Set(), genders: new Set(), records: [] }));
    const v = raw.values ?? {};
    const own = {
      fullName: typeof v.full_name === 'string' ? v.full_name : null,
      nationalId: typeof v.national_id === 'string' ? v.national_id : null,
      phone: typeof v.phone === 'string' ? v.phone : null,
      birthDate: typeof v.birth_date === 'string' ? v.birth_date : null,
      gender: (v.gender === 'M' || v.gender === 'F' ? v.gender : null) as 'M' | 'F' | null,
    };
    for (const src of [own, { fullName: r.full_name, nationalId: r.national_id, phone: r.phone, birthDate: r.birth_date, gender: r.gender }]) {
      const id = idKey(src.nationalId);
      if (id) g.ids.add(id);
      const ph = phoneKey(src.phone);
      if (ph) g.phones.add(ph);
      const n = nameKey(src.fullName);
      if (n && !g.names.has(n)) {
        g.names.add(n);
        g.fullNames.push(src.fullName!);
      }
      const y = birthYearOf(src.birthDate);
      if (y) g.years.add(y);
      if (src.gender) g.genders.add(src.gender);
      if (src.fullName) g.records.push(prepareRecord({ id: root, fullName: src.fullName, gender: src.gender, birthDate: src.birthDate, nationalId: id, phone: ph }));
    }
  }
  return [...byRoot.values()];
}

/**
 * Matches the blood facility's result rows to the campaign's registered people, deciding what the
 * data decides: an ID number; a phone with a compatible name; a folded name + birth year (+ sex) that
 * fits exactly one registered person. Two people who could share a row (namesakes of the same year,
 * a family sharing a phone) are left for the clerk with both candidates. A different ID number never
 * matches.
 */
export function buildMatcher(registrants: Registrant[]): (r: ResultRow) => MatchOutcome {
  const byId = new Map<string, Set<Registrant>>();
  const byPhone = new Map<string, Set<Registrant>>();
  const byNameYear = new Map<string, Set<Registrant>>();
  for (const g of registrants) {
    for (const id of g.ids) add(byId, id, g);
    for (const ph of g.phones) add(byPhone, ph, g);
    for (const n of g.names) for (const y of g.years) add(byNameYear, `${n}|${y}`, g);
  }
  /**
   * Registrants not merged yet who are one person by the bulk-merge rule (same ID, same phone and
   * name, or a name and full birth date nobody else has): two registrations of one person count once.
   */
  const oneIdentity = (found: Registrant[]): boolean => {
    const linked = (x: Registrant, y: Registrant) => {
      for (const p of x.records) {
        for (const q of y.records) {
          const pair = new Set([x, y]);
          const y1 = p.year;
          const sameNameYear = y1 !== null ? [...(byNameYear.get(`${nameKey(p.rec.fullName)}|${y1}`) ?? [])] : [];
          if (autoMergeRule(scorePair(p, q), { nameYearUnique: y1 !== null && sameNameYear.every((g) => pair.has(g)) })) return true;
        }
      }
      return false;
    };
    return found.every((x, i) => found.slice(i + 1).every((y) => linked(x, y)));
  };
  let blocks: Map<string, { g: Registrant; p: PreparedRecord }[]> | null = null;
  const similar = (row: PreparedRecord, fits: (g: Registrant) => boolean): MatchOutcome => {
    if (!blocks) {
      blocks = new Map();
      for (const g of registrants) {
        for (const p of g.records) {
          for (const k of blockingKeys(p)) {
            const l = blocks.get(k);
            if (l) l.push({ g, p });
            else blocks.set(k, [{ g, p }]);
          }
        }
      }
    }
    const best = new Map<Registrant, { score: number; reasons: string[] }>();
    for (const k of blockingKeys(row)) {
      for (const c of blocks.get(k) ?? []) {
        if (!fits(c.g)) continue;
        const s = scorePair(row, c.p);
        const cur = best.get(c.g);
        if (!cur || s.score > cur.score) best.set(c.g, { score: s.score, reasons: s.reasons });
      }
    }
    const ranked = [...best.entries()].filter(([, x]) => x.score >= REVIEW_SCORE).sort((a, b) => b[1].score - a[1].score);
    if (ranked.length && ranked[0][1].score >= DEFAULT_THRESHOLD && (ranked.length === 1 || ranked[1][1].score < DEFAULT_THRESHOLD)) {
      return { kind: 'matched', personId: ranked[0][0].personId, by: 'similar' };
    }
    if (ranked.length) {
      const n = ranked.length;
      return { kind: 'ambiguous', personIds: ranked.map(([g]) => g.personId), by: 'similar', reason: `gần giống ${n === 1 ? 'một người' : `${n} người`} đăng ký (${ranked[0][1].reasons.join('; ')})` };
    }
    return { kind: 'none' };
  };

  return (r) => {
    const nid = idKey(r.nationalId);
    const phone = phoneKey(r.phone);
    const name = nameKey(r.fullName);
    const year = r.birthYear;
    // Facts of the row that a registrant's own rows contradict: then they are not this person.
    // A CMND (9 digits) and a CCCD (12) of one person differ: only two numbers of the same kind conflict.
    const idConflict = (g: Registrant) => !!nid && !g.ids.has(nid) && [...g.ids].some((x) => x.length === nid.length);
    const yearConflict = (g: Registrant) => year !== null && g.years.size > 0 && !g.years.has(year);
    const genderConflict = (g: Registrant) => r.gender !== null && g.genders.size > 0 && !g.genders.has(r.gender);
    const decide = (found: Registrant[], by: MatchRule, reason: string): MatchOutcome | null => {
      if (found.length === 1 || (found.length > 1 && oneIdentity(found))) return { kind: 'matched', personId: found[0].personId, by };
      if (found.length > 1) return { kind: 'ambiguous', personIds: found.map((g) => g.personId), by, reason };
      return null;
    };

    if (nid) {
      const found = [...(byId.get(nid) ?? [])];
      // One ID on two records not merged yet is still one person: the one whose name fits.
      const fitting = found.length > 1 ? found.filter((g) => [...g.names].some((n) => n === name)) : found;
      const d = decide(fitting.length ? fitting : found, 'nid', `số CCCD/CMND có ở ${found.length} người đăng ký chưa gộp`);
      if (d) return d;
    }
    if (phone) {
      const found = [...(byPhone.get(phone) ?? [])].filter(
        (g) => !idConflict(g) && !yearConflict(g) && !genderConflict(g) && g.fullNames.some((n) => nameKey(n) === name || nameSimilarity(n, r.fullName) >= PHONE_NAME_SIMILARITY),
      );
      // a sibling "Nguyễn Văn Anh" sharing the phone of "Nguyễn Văn An": the exact name wins
      const exact = found.filter((g) => g.names.has(name));
      const d = decide(exact.length ? exact : found, 'phone+name', `cùng số điện thoại và tên gần giống ${found.length} người đăng ký`);
      if (d) return d;
    }
    if (year !== null && name) {
      const found = [...(byNameYear.get(`${name}|${year}`) ?? [])].filter((g) => !idConflict(g) && !genderConflict(g));
      const d = decide(found, 'name+year', `cùng họ tên và năm sinh với ${found.length} người đăng ký khác nhau`);
      if (d) return d;
    }
    const row = prepareRecord({ id: -r.row, fullName: r.fullName, gender: r.gender, birthDate: year ? String(year) : null, nationalId: nid, phone });
    return similar(row, (g) => !idConflict(g) && !yearConflict(g) && !genderConflict(g));
  };
}
