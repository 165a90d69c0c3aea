import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Connection } from '../../electron/db/connection';
import { encryptDatabase, isPlaintextDatabase } from '../../electron/db/encrypt';
import { KEY_FILE, keyFromEnv, loadOrCreateKey, type SafeStorageLike } from '../../electron/db/key-store';
import { latestVersion } from '../../electron/db/migrations';
import { openSqlite } from '../../electron/db/sqlite-driver';
import { autoBackup, backupToFolder } from '../../electron/services/backup/auto-backup';
import { backupsDir } from '../../electron/services/backup/backup-store';
import { restoreDatabaseFile, restoreFromBackup } from '../../electron/services/backup/restore';
import { checkDatabaseFile } from '../../electron/services/backup/sqlite-file';
import { checkDatabaseAtStart } from '../../electron/services/backup/health';
import { startDatabase } from '../../electron/services/backup/startup';
import { createAppContext, type AppContext } from '../../electron/services/create-context';

const KEY = crypto.randomBytes(32).toString('hex');
const OTHER_KEY = crypto.randomBytes(32).toString('hex');
const NAME = 'Nguyễn Thị Bí Mật';
const PHONE = '0912345678';
const SECRETS = [NAME, 'Bí Mật', PHONE].map((s) => Buffer.from(s, 'utf8'));

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'giot-hong-enc-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function addPerson(conn: Pick<Connection, 'sqlite'>, name = NAME): void {
  const now = new Date().toISOString();
  conn.sqlite.prepare('INSERT INTO people (full_name, search_key, phone, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(name, 'nguyen thi bi mat', PHONE, now, now);
}

function names(conn: Pick<Connection, 'sqlite'>): string[] {
  return conn.sqlite.prepare('SELECT full_name FROM people ORDER BY id').pluck().all() as string[];
}

/** Every secret is absent from the raw bytes of the file and its -wal (if any). */
function expectNoPlaintext(file: string): void {
  for (const f of [file, `${file}-wal`]) {
    if (!fs.existsSync(f)) continue;
    const bytes = fs.readFileSync(f);
    for (const s of SECRETS) expect(bytes.includes(s), `${path.basename(f)} contains "${s.toString()}"`).toBe(false);
    expect(bytes.includes(Buffer.from('SQLite format 3\0', 'latin1'))).toBe(false);
  }
}

describe('encrypted database file', () => {
  it('holds no plaintext, refuses no key and a wrong key, opens and migrates with the key', async () => {
    const file = path.join(dir, 'giot-hong.sqlite');
    const conn = openDatabase(file, { key: KEY });
    expect(conn.migration.to).toBe(latestVersion);
    addPerson(conn);
    // While open, the change sits in the -wal file: both must be unreadable.
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0);
    expectNoPlaintext(file);
    await conn.close();
    expectNoPlaintext(file);
    expect(isPlaintextDatabase(file)).toBe(false);

    expect(() => openDatabase(file)).toThrow(expect.objectContaining({ code: 'DB_OPEN' }));
    expect(() => openDatabase(file, { key: OTHER_KEY })).toThrow(expect.objectContaining({ code: 'DB_KEY', message: expect.stringMatching(/khoá mã hoá không đúng/) }));
    expect(() => openDatabase(file, { key: 'không-phải-hex' })).toThrow(expect.objectContaining({ code: 'DB_KEY' }));

    const again = openDatabase(file, { key: KEY });
    expect(names(again)).toEqual([NAME]);
    expect(again.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(again.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    await again.close();
  });

  it('with no key behaves as before: a plain SQLite file', async () => {
    const file = path.join(dir, 'plain.sqlite');
    const conn = openDatabase(file);
    addPerson(conn);
    await conn.close();
    expect(isPlaintextDatabase(file)).toBe(true);
    expect(fs.readFileSync(file).includes(Buffer.from(NAME))).toBe(true);
  });

  it('encryptDatabase turns a plain database into an encrypted one with the data intact', async () => {
    const file = path.join(dir, 'old.sqlite');
    const plain = openDatabase(file);
    for (let i = 0; i < 500; i++) addPerson(plain, i === 0 ? NAME : `Người ${i}`);
    await plain.close();
    expect(isPlaintextDatabase(file)).toBe(true);

    encryptDatabase(file, KEY);
    expect(isPlaintextDatabase(file)).toBe(false);
    expectNoPlaintext(file);
    expect(() => encryptDatabase(file, KEY)).toThrow(expect.objectContaining({ code: 'DB_ENCRYPT' }));
    const conn = openDatabase(file, { key: KEY });
    expect(names(conn)).toHaveLength(500);
    expect(names(conn)[0]).toBe(NAME);
    expect((conn.sqlite.pragma('integrity_check') as { integrity_check: string }[])[0].integrity_check).toBe('ok');
    await conn.close();
    expect(() => openDatabase(file)).toThrow(expect.objectContaining({ code: 'DB_OPEN' }));
  });

  it('startDatabase with a key encrypts a plain database and its plain automatic backups, then opens it', async () => {
    const file = path.join(dir, 'data', 'giot-hong.sqlite');
    const plain = createAppContext(file);
    addPerson(plain.conn);
    const oldBackup = autoBackup(plain, 'manual').file;
    await plain.conn.close();
    expect(isPlaintextDatabase(oldBackup)).toBe(true);

    const started = startDatabase(file, { key: KEY });
    expect(started.mode).toBe('normal');
    if (started.mode !== 'normal') return;
    expect(started.ctx.dbKey).toBe(KEY);
    expect(names(started.ctx.conn)).toEqual([NAME]);
    await started.ctx.conn.close();
    expectNoPlaintext(file);
    expectNoPlaintext(oldBackup);
    expect(checkDatabaseFile(oldBackup, 'integrity', KEY)).toMatchObject({ ok: true, counts: { people: 1 } });
    expect(checkDatabaseAtStart(file, new Date(), KEY).state).toBe('ok');
    // Without the key the start-up check cannot read it and offers recovery (the file is never touched).
    expect(startDatabase(file).mode).toBe('recovery');
  });
});

describe('backups of an encrypted database', () => {
  let ctx: AppContext;
  beforeEach(() => {
    ctx = createAppContext(path.join(dir, 'data', 'giot-hong.sqlite'), { key: KEY, now: () => new Date(2026, 4, 1, 8) });
    addPerson(ctx.conn);
  });
  afterEach(() => ctx.conn.close());

  it('writes encrypted copies that verify only with the key', () => {
    const usb = path.join(dir, 'usb');
    fs.mkdirSync(usb);
    for (const b of [autoBackup(ctx, 'manual'), backupToFolder(ctx, usb)]) {
      expect(b.check).toMatchObject({ ok: true, counts: { people: 1 } });
      expectNoPlaintext(b.file);
      expect(checkDatabaseFile(b.file, 'integrity', KEY)).toMatchObject({ ok: true, messages: ['ok'], schemaVersion: latestVersion });
      expect(checkDatabaseFile(b.file, 'integrity')).toMatchObject({ ok: false, messages: ['SQLITE_NOTADB'] });
      expect(checkDatabaseFile(b.file, 'integrity', OTHER_KEY).ok).toBe(false);
    }
  });

  it('restores an encrypted backup into the live database and at file level', async () => {
    const b = autoBackup(ctx, 'manual');
    addPerson(ctx.conn, 'Trần Văn Sau Sao Lưu');
    expect(names(ctx.conn)).toHaveLength(2);
    const r = await restoreFromBackup(ctx, b.file);
    expect(names(ctx.conn)).toEqual([NAME]);
    expect(r.savedCurrent && checkDatabaseFile(r.savedCurrent, 'integrity', KEY).counts.people).toBe(2);
    expectNoPlaintext(r.savedCurrent!);
    expectNoPlaintext(ctx.dbPath);

    await ctx.conn.close();
    const other = path.join(dir, 'other', 'giot-hong.sqlite');
    expect(() => restoreDatabaseFile(other, b.file)).toThrow(expect.objectContaining({ code: 'BACKUP_DAMAGED' }));
    expect(() => restoreDatabaseFile(other, b.file, { key: OTHER_KEY })).toThrow(expect.objectContaining({ code: 'BACKUP_KEY', message: expect.stringMatching(/đúng tài khoản Windows/) }));
    fs.mkdirSync(path.dirname(other));
    restoreDatabaseFile(other, b.file, { key: KEY });
    expectNoPlaintext(other);
    const reopened = openDatabase(other, { key: KEY });
    expect(names(reopened)).toEqual([NAME]);
    await reopened.close();
    ctx.conn = openDatabase(ctx.dbPath, { key: KEY });
    expect(fs.readdirSync(backupsDir(ctx.dbPath)).length).toBeGreaterThan(0);
  });
});

/** A stand-in for Electron's safeStorage: AES-256-GCM with a secret only it knows (like DPAPI's user key). */
function fakeSafeStorage(available = true): SafeStorageLike & { secret: Buffer } {
  const secret = crypto.randomBytes(32);
  return {
    secret,
    isEncryptionAvailable: () => available,
    encryptString(text) {
      const iv = crypto.randomBytes(12);
      const c = crypto.createCipheriv('aes-256-gcm', secret, iv);
      const body = Buffer.concat([c.update(text, 'utf8'), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]);
    },
    decryptString(buf) {
      const d = crypto.createDecipheriv('aes-256-gcm', secret, buf.subarray(0, 12));
      d.setAuthTag(buf.subarray(12, 28));
      return Buffer.concat([d.update(buf.subarray(28)), d.final()]).toString('utf8');
    },
  };
}

describe('key store', () => {
  it('creates a random key once, stores it only sealed, and returns the same key later', () => {
    const storage = fakeSafeStorage();
    const first = loadOrCreateKey(dir, storage);
    expect(first).toMatchObject({ created: true });
    expect(first.key).toMatch(/^[0-9a-f]{64}$/);
    const raw = fs.readFileSync(path.join(dir, KEY_FILE));
    expect(raw.includes(Buffer.from(first.key!, 'utf8'))).toBe(false);
    expect(raw.includes(Buffer.from(first.key!, 'hex'))).toBe(false);
    expect(raw.toString('latin1').toLowerCase()).not.toContain(first.key!.slice(0, 16));
    expect(loadOrCreateKey(dir, storage)).toEqual({ key: first.key, created: false });
    // The key really opens a database created with it.
    const file = path.join(dir, 'k.sqlite');
    const db = openSqlite(file, {}, first.key);
    db.exec('CREATE TABLE t (x)');
    db.close();
    expect(checkDatabaseFile(file, 'quick', first.key!).ok).toBe(true);
    expect(loadOrCreateKey(fs.mkdtempSync(path.join(dir, 'b-')), storage).key).not.toBe(first.key);
  });

  it('refuses a key file sealed by another account and never replaces it', () => {
    const first = loadOrCreateKey(dir, fakeSafeStorage());
    const before = fs.readFileSync(path.join(dir, KEY_FILE));
    expect(() => loadOrCreateKey(dir, fakeSafeStorage())).toThrow(expect.objectContaining({ code: 'DB_KEY', message: expect.stringMatching(/tài khoản Windows khác/) }));
    expect(fs.readFileSync(path.join(dir, KEY_FILE)).equals(before)).toBe(true);
    expect(first.key).toBeTruthy();
  });

  it('gives no key (plain database) when safeStorage is unavailable, and writes nothing', () => {
    expect(loadOrCreateKey(dir, fakeSafeStorage(false))).toEqual({ key: null, reason: 'unavailable' });
    expect(fs.existsSync(path.join(dir, KEY_FILE))).toBe(false);
  });

  it('reads the CLI/host key from GIOT_HONG_DB_KEY (hex) and refuses anything else', () => {
    expect(keyFromEnv({})).toBeUndefined();
    expect(keyFromEnv({ GIOT_HONG_DB_KEY: KEY.toUpperCase() })).toBe(KEY);
    expect(() => keyFromEnv({ GIOT_HONG_DB_KEY: 'abc' })).toThrow(expect.objectContaining({ code: 'DB_KEY' }));
  });
});
