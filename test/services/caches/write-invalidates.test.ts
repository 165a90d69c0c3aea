import Database from '../../../electron/db/sqlite-driver';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempContext } from '../../helpers/context';
import { createAppContext } from '../../../electron/services/create-context';
import { createData } from '../../../electron/db/data';
import { DataCaches } from '../../../electron/services/caches';
import { checkinIndex } from '../../../electron/services/donation-day/checkin-index';
import { searchCheckin } from '../../../electron/services/donation-day/search';
import { recordOutcome } from '../../../electron/services/donation-day/record-outcome';
import { addWalkIn } from '../../../electron/services/donation-day/walk-in';
import { mergePeople } from '../../../electron/services/duplicates/merge';
import { undoMerge } from '../../../electron/services/duplicates/undo-merge';
import { matchCampaignNow } from '../../../electron/services/duplicates/run-match';
import { getCachedMatch } from '../../../electron/services/duplicates/candidate-cache';
import { loadRootResolver } from '../../../electron/services/people/survivors';
import { registry } from '../../../electron/services/donors/registry-index';
import { insertCampaign, insertRow, insertUnit } from '../duplicates/fixtures';

let ctx: ReturnType<typeof tempContext>;
let campaignId: number;
let unit: number;
let kien1: number;
let kien2: number;
beforeEach(() => {
  ctx = tempContext();
  campaignId = insertCampaign(ctx.data, 'Đợt 1');
  unit = insertUnit(ctx.data, 'Phường 1');
  kien1 = insertRow(ctx.data, { campaignId, unitId: unit, file: 'a.xlsx', sheet: 'DS', row: 2, fullName: 'Chu Trung Kiên', gender: 'M', birthDate: '2005-12-10', nationalId: '020205884635' }).personId;
  kien2 = insertRow(ctx.data, { campaignId, unitId: unit, file: 'b.xlsx', sheet: 'DS', row: 3, fullName: 'CHU TRUNG KIÊN', gender: 'M', birthDate: '2005', nationalId: '020205884635' }).personId;
  insertRow(ctx.data, { campaignId, unitId: unit, file: 'a.xlsx', sheet: 'DS', row: 4, fullName: 'Ngô Đức Tuấn', gender: 'M', birthDate: '2002-01-06' });
});
afterEach(async () => ctx.cleanup());

const names = (q: string) => searchCheckin(ctx, { campaignId, q }).hits.map((h) => h.personId).sort((a, b) => a - b);

describe('caches owned by the context, invalidated by the write path', () => {
  it('each context owns its caches: built once, reused until the data changes', async () => {
    const a = checkinIndex(ctx, campaignId);
    expect(checkinIndex(ctx, campaignId)).toBe(a);
    expect(checkinIndex(ctx.data.read, campaignId)).toBe(a); // a caller holding only a reader reaches the same registry
    const other = createAppContext(ctx.dbPath);
    try {
      expect(other.caches).not.toBe(ctx.caches);
      expect(checkinIndex(other, campaignId)).not.toBe(a);
    } finally {
      await other.conn.close();
    }
  });

  it('a merge through the service shows in the next check-in search; its undo too', async () => {
    expect(names('kien')).toEqual([kien1, kien2]);
    const before = checkinIndex(ctx, campaignId);
    const merged = mergePeople(ctx, { survivorId: kien1, mergedId: kien2 });
    expect(names('kien')).toEqual([kien1]);
    expect(checkinIndex(ctx, campaignId)).not.toBe(before);
    expect(loadRootResolver(ctx)(kien2)).toBe(kien1);
    expect(registry(ctx).filter((p) => p.fullName.toLowerCase().includes('kiên')).map((p) => p.id)).toEqual([kien1]);
    undoMerge(ctx, merged.mergeId);
    expect(names('kien')).toEqual([kien1, kien2]);
    expect(loadRootResolver(ctx)(kien2)).toBe(kien2);
  });

  it('a walk-in added through the service is found by the next search', async () => {
    expect(names('hoa')).toEqual([]);
    const r = await addWalkIn(ctx, { campaignId, fullName: 'Lê Thị Hoa', gender: 'F', birthDate: '1990-01-01', createNew: true });
    expect(r.status).toBe('created');
    expect(names('hoa')).toEqual([r.hit!.personId]);
  });

  it('a recorded outcome declares what it changed: the check-in index stays warm, the donor registry is rebuilt', async () => {
    const index = checkinIndex(ctx, campaignId);
    const reg = registry(ctx);
    expect(reg.find((p) => p.id === kien1)?.donationCount).toBe(0);
    const hit = await recordOutcome(ctx, { campaignId, personId: kien1, outcome: 'donated', volumeMl: 350, date: '2026-05-01' });
    expect(hit.outcome).toBe('donated');
    expect(checkinIndex(ctx, campaignId)).toBe(index);
    expect(registry(ctx)).not.toBe(reg);
    expect(registry(ctx).find((p) => p.id === kien1)?.donationCount).toBe(1);
  });

  it('a write nobody declared (another connection) drops the caches at the next read', async () => {
    const index = checkinIndex(ctx, campaignId);
    const other = new Database(ctx.dbPath);
    try {
      other.pragma('busy_timeout = 2000');
      insertRow(createData(other), { campaignId, unitId: unit, file: 'c.xlsx', sheet: 'DS', row: 2, fullName: 'Vũ Thị Mai', gender: 'F' });
    } finally {
      other.close();
    }
    expect(checkinIndex(ctx, campaignId)).not.toBe(index);
    expect(names('mai')).toHaveLength(1);
  });

  it('a rolled-back transaction leaves no trace in the caches', async () => {
    expect(() =>
      ctx.data.write((w) => {
        insertRow(w, { campaignId, unitId: unit, file: 'd.xlsx', sheet: 'DS', row: 2, fullName: 'Đặng Văn Phantom', gender: 'M' });
        expect(checkinIndex(w, campaignId).entries.some((e) => e.fullName.includes('Phantom'))).toBe(true);
        throw new Error('rollback');
      }),
    ).toThrow('rollback');
    expect(checkinIndex(ctx, campaignId).entries.some((e) => e.fullName.includes('Phantom'))).toBe(false);
  });

  it('the last duplicate match is kept per context across writes, and dropped with the connection', async () => {
    const m = await matchCampaignNow(ctx, campaignId);
    insertRow(ctx.data, { campaignId, unitId: unit, file: 'e.xlsx', sheet: 'DS', row: 2, fullName: 'Trần Văn Nam', gender: 'M' });
    expect(getCachedMatch(ctx, campaignId)).toBe(m);
    const caches = new DataCaches();
    const conn2 = new Database(ctx.dbPath);
    try {
      caches.setMatch(ctx.data, m);
      expect(caches.match(ctx.data, campaignId)).toBe(m);
      expect(caches.match(createData(conn2), campaignId)).toBeUndefined(); // a restore reopens the file: nothing carries over
    } finally {
      conn2.close();
    }
  });
});
