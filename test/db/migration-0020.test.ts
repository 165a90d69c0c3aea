import { describe, expect, it } from 'vitest';
import Database from '../../electron/db/sqlite-driver';
import { migrate, schemaVersion } from '../../electron/db/migrate';
import { migrations } from '../../electron/db/migrations';

const upTo = (v: number) => migrations.filter((m) => m.version <= v);

describe('migration 0020: donation-day arrivals get a table of their own', () => {
  it('moves arrivals kept in settings into rows, drops unknown people, and removes the settings', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, upTo(10));
    expect(schemaVersion(db)).toBe(10);
    const now = '2026-05-28T07:00:00Z';
    db.prepare("INSERT INTO campaigns (id, name, created_at, updated_at) VALUES (1, 'Đợt 1', ?, ?)").run(now, now);
    for (const id of [5, 6]) db.prepare("INSERT INTO people (id, full_name, search_key, created_at, updated_at) VALUES (?, 'X', 'x', ?, ?)").run(id, now, now);
    db.prepare("INSERT INTO settings (key, value) VALUES ('donationDay.arrivals.1', ?)").run(JSON.stringify({ 5: '2026-05-28T07:10:00Z', 6: '2026-05-28T07:20:00Z', 99: '2026-05-28T07:30:00Z' }));
    db.prepare("INSERT INTO settings (key, value) VALUES ('donationDay.arrivals.42', ?)").run(JSON.stringify({ 5: '2026-05-28T07:10:00Z' }));
    db.prepare("INSERT INTO settings (key, value) VALUES ('office', '{}')").run();

    expect(migrate(db, upTo(20)).applied).toEqual([20]);
    expect(db.prepare('SELECT campaign_id, person_id, arrived_at FROM donation_arrivals ORDER BY person_id').all()).toEqual([
      { campaign_id: 1, person_id: 5, arrived_at: '2026-05-28T07:10:00Z' },
      { campaign_id: 1, person_id: 6, arrived_at: '2026-05-28T07:20:00Z' },
    ]);
    expect(db.prepare('SELECT key FROM settings').pluck().all()).toEqual(['office']);
    // deleting a person (a privacy request) takes their arrival with them
    db.prepare('DELETE FROM people WHERE id = 6').run();
    expect(db.prepare('SELECT count(*) FROM donation_arrivals').pluck().get()).toBe(1);
  });
});
