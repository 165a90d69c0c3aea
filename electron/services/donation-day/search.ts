import type { ServiceContext } from '../context';
import type { CheckinHit } from '../../../shared/ipc/channels/donation-day';
import { foldVietnamese } from '../../../shared/domain/text';
import { checkinIndex, type IndexEntry } from './checkin-index';
import { hitFor, intervalDays } from './person-state';

/**
 * Scores an entry against the query: every word typed must start a word of the name (any order);
 * matches in order, on the given name, or of the whole name rank higher. 0 = no match.
 */
function nameScore(e: IndexEntry, tokens: string[], folded: string): number {
  if (e.key === folded) return 1000;
  let score = 0;
  let lastPos = -1;
  for (const t of tokens) {
    let pos = -1;
    for (let i = 0; i < e.words.length; i++) {
      if (e.words[i].startsWith(t)) {
        pos = i;
        if (i > lastPos) break;
      }
    }
    if (pos < 0) return 0;
    score += 10 + (pos > lastPos ? 2 : 0) + (e.words[pos] === t ? 3 : 0) + (pos === e.words.length - 1 ? 4 : 0);
    lastPos = pos;
  }
  return score;
}

export function searchEntries(index: { entries: IndexEntry[]; prefixes?: Map<string, IndexEntry[]> }, q: string, limit: number): { hits: IndexEntry[]; total: number } {
  const { entries } = index;
  const text = q.trim();
  if (!text) return { hits: [], total: 0 };
  // Entries are in name order; grouping by score keeps that order, so no sort is needed.
  const byScore = new Map<number, IndexEntry[]>();
  let total = 0;
  const add = (e: IndexEntry, s: number) => {
    total++;
    const list = byScore.get(s);
    if (list) list.push(e);
    else byScore.set(s, [e]);
  };
  if (/^[\d\s.+\-()]+$/.test(text)) {
    let digits = text.replace(/\D/g, '');
    if (digits.length < 3) return { hits: [], total: 0 };
    if (digits.startsWith('84') && digits.length >= 11) digits = '0' + digits.slice(2);
    for (const e of entries) {
      const inPhone = e.phoneDigits.includes(digits);
      const inId = e.idDigits.includes(digits);
      if (inPhone || inId) add(e, (e.phoneDigits === digits || e.idDigits === digits ? 100 : 0) + (e.phoneDigits.endsWith(digits) || e.idDigits.endsWith(digits) ? 10 : 1));
    }
  } else {
    const folded = foldVietnamese(text);
    const tokens = folded.split(' ').filter(Boolean);
    const probes = tokens.map((t) => ' ' + t);
    // Scan only the people having a word that starts like the rarest typed word.
    let pool = entries;
    if (index.prefixes) {
      for (const t of tokens) {
        const b = index.prefixes.get(t.slice(0, 2)) ?? [];
        if (b.length < pool.length) pool = b;
      }
    }
    for (const e of pool) {
      if (!probes.every((p) => e.spaced.includes(p))) continue;
      const s = nameScore(e, tokens, folded);
      if (s > 0) add(e, s);
    }
  }
  const hits: IndexEntry[] = [];
  for (const s of [...byScore.keys()].sort((a, b) => b - a)) {
    for (const e of byScore.get(s)!) {
      if (hits.length >= limit) break;
      hits.push(e);
    }
    if (hits.length >= limit) break;
  }
  return { hits, total };
}

/** The check-in search: a few letters of a name (no diacritics needed), phone or ID digits. */
export function searchCheckin(ctx: ServiceContext, args: { campaignId: number; q: string; limit?: number }): { hits: CheckinHit[]; total: number; tookMs: number } {
  const t0 = performance.now();
  const index = checkinIndex(ctx, args.campaignId);
  const found = searchEntries(index, args.q, args.limit ?? 20);
  const interval = intervalDays(ctx.data.read, args.campaignId);
  const hits = found.hits.map((e) => hitFor(ctx.data.read, args.campaignId, e, interval));
  return { hits, total: found.total, tookMs: Math.round((performance.now() - t0) * 10) / 10 };
}
