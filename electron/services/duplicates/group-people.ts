import { prepareRecord, scorePair, type MatchRecord } from '../../../shared/domain/matching';
import type { ScoredPair } from './match-types';

/**
 * Groups people linked by proposed pairs (strongest first). Two groups are not joined when any
 * cross pair contradicts (different ID numbers or birth dates, another sex): A~B and B~C must not
 * make namesakes A and C one person.
 */
export function groupPeople(pairs: ScoredPair[], records: Map<number, MatchRecord>): number[][] {
  const parent = new Map<number, number>();
  const members = new Map<number, number[]>();
  const find = (x: number): number => {
    let r = x;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
    return r;
  };
  const ensure = (x: number) => {
    if (!parent.has(x)) {
      parent.set(x, x);
      members.set(x, [x]);
    }
  };
  const prepared = new Map<number, ReturnType<typeof prepareRecord>>();
  const prep = (id: number) => {
    let p = prepared.get(id);
    if (!p && records.has(id)) prepared.set(id, (p = prepareRecord(records.get(id)!)));
    return p;
  };
  const contradicts = (x: number, y: number): boolean => {
    const a = prep(x);
    const b = prep(y);
    if (!a || !b) return false;
    const f = scorePair(a, b).fields;
    return f.nationalId === 'different' || f.birthDate === 'different' || f.gender === 'different';
  };
  for (const p of [...pairs].sort((x, y) => y.score - x.score)) {
    ensure(p.a);
    ensure(p.b);
    const ra = find(p.a);
    const rb = find(p.b);
    if (ra === rb) continue;
    const ma = members.get(ra)!;
    const mb = members.get(rb)!;
    if (ma.length + mb.length > 2 && ma.some((x) => mb.some((y) => contradicts(x, y)))) continue;
    const [keep, drop] = ra < rb ? [ra, rb] : [rb, ra];
    parent.set(drop, keep);
    members.set(keep, [...members.get(keep)!, ...members.get(drop)!]);
    members.delete(drop);
  }
  return [...members.values()].filter((m) => m.length > 1);
}
