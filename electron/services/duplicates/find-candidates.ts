import { MIN_SHOWN_SCORE, birthYearOf, blockingKeys, clearlyDifferent, prepareRecord, scorePair, type MatchRecord } from '../../../shared/domain/matching';
import { foldVietnamese } from '../../../shared/domain/text';
import type { JobControl } from '../jobs/job-runner';
import { BlockCollector, decodePair } from './block-pairs';
import { campaignPeople, countActivePeople, maxPeopleId, loadActivePage, loadPeopleByIds, loadPeopleNamed, loadPeopleSharing } from './load-records';
import type { CampaignMatch, ScoredPair } from './match-types';
import type { Reader } from '../../db/data';

/** Blocks larger than this are skipped (a shared office phone, a placeholder ID): they prove nothing. */
const MAX_BLOCK = 60;
const PAGE = 20_000;

const yieldNow = () => new Promise<void>((r) => setImmediate(r));

/** Scores candidate pairs of records; keeps those worth showing. a < b by person id. */
function scorePairs(records: MatchRecord[], codes: number[]): ScoredPair[] {
  const out: ScoredPair[] = [];
  for (const code of codes) {
    const [i, j] = decodePair(code);
    const pa = prepareRecord(records[i]);
    const pb = prepareRecord(records[j]);
    if (clearlyDifferent(pa, pb)) continue;
    const s = scorePair(pa, pb);
    if (s.score < MIN_SHOWN_SCORE) continue;
    const [a, b] = records[i].id < records[j].id ? [records[i].id, records[j].id] : [records[j].id, records[i].id];
    out.push({ a, b, ...s });
  }
  return out;
}

/**
 * Full re-match of a campaign: every active person of the campaign against every other active person
 * (the campaign's own lists and the registry of earlier campaigns). Runs in pages and yields so a job
 * can report progress and be cancelled.
 */
export async function matchCampaign(read: Reader, campaignId: number, ctl?: JobControl, now = new Date()): Promise<CampaignMatch> {
  const total = countActivePeople(read);
  const maxPersonId = maxPeopleId(read);
  const inCampaignIds = campaignPeople(read, campaignId);
  const records: MatchRecord[] = [];
  const inCampaign: boolean[] = [];
  const blocks = new BlockCollector(total * 4 + 16);
  let afterId = 0;
  for (;;) {
    const page = loadActivePage(read, afterId, PAGE);
    if (!page.length) break;
    for (const rec of page) {
      const idx = records.length;
      records.push(rec);
      inCampaign.push(inCampaignIds.has(rec.id));
      for (const k of blockingKeys(prepareRecord(rec))) blocks.add(idx, k);
    }
    afterId = page[page.length - 1].id;
    ctl?.report((0.6 * records.length) / Math.max(1, total), `Đang đọc ${records.length.toLocaleString('vi-VN')}/${total.toLocaleString('vi-VN')} người…`);
    if (ctl) {
      await yieldNow();
      ctl.checkCancelled();
    }
  }
  const { pairs: codes, oversizedBlocks } = blocks.pairs(MAX_BLOCK, (i, j) => inCampaign[i] || inCampaign[j]);
  const pairs: ScoredPair[] = [];
  const STEP = 50_000;
  for (let s = 0; s < codes.length; s += STEP) {
    pairs.push(...scorePairs(records, codes.slice(s, s + STEP)));
    ctl?.report(0.6 + (0.4 * Math.min(codes.length, s + STEP)) / Math.max(1, codes.length), `Đang so sánh ${codes.length.toLocaleString('vi-VN')} cặp…`);
    if (ctl) {
      await yieldNow();
      ctl.checkCancelled();
    }
  }
  pairs.sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b);
  return { campaignId, pairs, peopleCompared: records.length, oversizedBlocks, computedAt: now.toISOString(), maxPersonId };
}

/**
 * Matching as a list arrives: the new people against each other and, through the ID, phone and
 * folded-name indexes, against everyone already known. Fast enough to run inside an import.
 */
export function matchNewPeople(read: Reader, personIds: number[]): ScoredPair[] {
  const fresh = loadPeopleByIds(read, personIds);
  const isNew = new Set(fresh.map((r) => r.id));
  const byId = new Map<number, MatchRecord>(fresh.map((r) => [r.id, r]));
  const add = (rs: MatchRecord[]) => rs.forEach((r) => byId.has(r.id) || byId.set(r.id, r));
  add(loadPeopleSharing(read, 'national_id', fresh.map((r) => r.nationalId ?? '')));
  add(loadPeopleSharing(read, 'phone', fresh.map((r) => r.phone ?? '')));
  add(loadPeopleNamed(read, fresh.map((r) => ({ searchKey: foldVietnamese(r.fullName), year: birthYearOf(r.birthDate) }))));
  const records = [...byId.values()];
  const blocks = new BlockCollector(records.length * 5 + 16);
  records.forEach((r, i) => blockingKeys(prepareRecord(r)).forEach((k) => blocks.add(i, k)));
  const { pairs: codes } = blocks.pairs(MAX_BLOCK, (i, j) => isNew.has(records[i].id) || isNew.has(records[j].id));
  return scorePairs(records, codes).sort((x, y) => y.score - x.score);
}
