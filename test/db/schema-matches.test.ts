import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from '../../electron/db/sqlite-driver';
import { migrate } from '../../electron/db/migrate';

const ROOT = path.resolve(__dirname, '..', '..');

/** Table → columns as electron/db/schema.ts declares them (the kysely types every query is checked against). */
function declaredSchema(): Map<string, string[]> {
  const src = fs.readFileSync(path.join(ROOT, 'electron/db/schema.ts'), 'utf8');
  const interfaces = new Map<string, string[]>();
  for (const m of src.matchAll(/export interface (\w+) \{([^}]*)\}/g)) {
    const body = m[2].replace(/\/\*\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    interfaces.set(m[1], [...body.matchAll(/(\w+)\??\s*:/g)].map((x) => x[1]));
  }
  const db = interfaces.get('DB')!;
  const out = new Map<string, string[]>();
  const dbBody = /export interface DB \{([^}]*)\}/.exec(src)![1];
  for (const t of dbBody.matchAll(/(\w+):\s*(\w+);/g)) out.set(t[1], interfaces.get(t[2]) ?? []);
  expect(db.length).toBe(out.size);
  return out;
}

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

describe('one data layer', () => {
  it('schema.ts declares exactly the tables and columns the migrations create', () => {
    const db = new Database(':memory:');
    migrate(db);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[]);
    const declared = declaredSchema();
    expect([...declared.keys()].sort()).toEqual(tables);
    for (const t of tables) {
      const cols = (db.prepare(`SELECT name FROM pragma_table_info(?) ORDER BY name`).pluck().all(t) as string[]);
      expect([t, [...declared.get(t)!].sort()]).toEqual([t, cols]);
    }
  });

  it('only the people capability adds people or changes who a person is (identity columns and the search key)', () => {
    const offenders: string[] = [];
    for (const file of walk(path.join(ROOT, 'electron'))) {
      const rel = path.relative(ROOT, file);
      if (rel.startsWith(path.join('electron', 'services', 'people'))) continue;
      const src = fs.readFileSync(file, 'utf8');
      if (/INSERT INTO people\b/i.test(src) || /insertInto\(\s*'people'\s*\)/.test(src)) offenders.push(`${rel}: INSERT INTO people`);
      if (/search_key\s*[=:](?!\s*personSearchKey)/.test(src.replace(/SELECT[\s\S]*?FROM/g, '')) && /UPDATE people|updateTable\('people'\)/.test(src)) offenders.push(`${rel}: writes search_key`);
    }
    expect(offenders).toEqual([]);
  });

  it('nothing outside the people capability writes the people table', () => {
    const offenders: string[] = [];
    for (const file of walk(path.join(ROOT, 'electron'))) {
      const rel = path.relative(ROOT, file);
      if (rel.startsWith(path.join('electron', 'services', 'people')) || rel.startsWith(path.join('electron', 'db'))) continue;
      const src = fs.readFileSync(file, 'utf8');
      if (/\b(INSERT INTO|UPDATE|DELETE FROM)\s+people\b/i.test(src) || /(insertInto|updateTable|deleteFrom)\(\s*'people'\s*\)/.test(src)) offenders.push(rel);
    }
    expect(offenders).toEqual([]);
  });

  /**
   * The one way into the database: services read through a Reader and write through the Writer of one
   * transaction (electron/db/data.ts). Only the database layer holds the connection. The backup files
   * open OTHER database files (a backup being checked or restored) and copy the open one with
   * VACUUM INTO: that is work on files, not on the app's data, and stays there.
   */
  it('no service, handler or command reaches the connection except through the data layer', () => {
    const FILE_LEVEL = new Set(['electron/services/backup/sqlite-file.ts', 'electron/services/backup/restore.ts', 'electron/services/backup/migration-backup.ts'].map((f) => path.join(...f.split('/'))));
    const RAW = [
      [/\bctx\.sqlite\b|\.sqlite\.(prepare|exec|pragma|transaction)\b/, 'the raw connection'],
      [/\bctx\.db\b/, 'the asynchronous kysely handle'],
      [/\binTransaction\(/, 'inTransaction (use ctx.data.write)'],
      [/\.prepare\(\s*[`'"]/, 'a prepared statement'],
      [/\.(exec|pragma)\(\s*[`'"]/, 'exec/pragma'],
      [/from 'better-sqlite3'/, 'the driver'],
      [/\.execute(TakeFirst(OrThrow)?)?\(\)/, 'a kysely execution'],
      [/\bconnectionOf\(|db\/transitional/, 'the connection behind the data layer'],
    ] as const;
    const offenders: string[] = [];
    for (const dir of ['electron/services', 'electron/ipc', 'electron/cli', 'electron/host']) {
      for (const file of walk(path.join(ROOT, dir))) {
        const rel = path.relative(ROOT, file);
        if (FILE_LEVEL.has(rel)) continue;
        const src = fs.readFileSync(file, 'utf8');
        for (const [re, what] of RAW) if (re.test(src)) offenders.push(`${rel}: ${what}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  /**
   * Test data and bench data are built the way the app builds them: people added and changed through
   * the people module (insertPerson, updatePerson, linkMerged…), the real importer or the real services. Only these write `people` rows directly,
   * each on purpose: a database of an older schema version (the migration tests), the bare schema's
   * own constraints (migrations.test), the raw bytes of an encrypted file (encryption.test), and a
   * file the app has not opened or must refuse (migration-failure, restore-refuses); and this file,
   * whose patterns name the statement.
   */
  it('tests and benches write people through the people module, not with SQL of their own', () => {
    const ALLOWED = new Set(
      ['test/db/migrations.test.ts', 'test/db/migration-0020.test.ts', 'test/db/encryption.test.ts', 'test/safety/migration-failure.test.ts', 'test/safety/hostile/restore-refuses.test.ts', 'test/db/schema-matches.test.ts'].map((f) => path.join(...f.split('/'))),
    );
    const sources = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? (e.name === 'node_modules' ? [] : sources(path.join(dir, e.name))) : /\.[cm]?[jt]s$/.test(e.name) ? [path.join(dir, e.name)] : []));
    const offenders: string[] = [];
    for (const file of [...sources(path.join(ROOT, 'test')), ...sources(path.join(ROOT, 'bench'))]) {
      const rel = path.relative(ROOT, file);
      if (ALLOWED.has(rel)) continue;
      const src = fs.readFileSync(file, 'utf8');
      if (/\b((INSERT|REPLACE)\s+(OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM)\s+["'`[]?people\b/i.test(src) || /\b(insertInto|replaceInto|updateTable|deleteFrom)\(\s*['"`]people['"`]\s*\)/.test(src)) offenders.push(rel);
    }
    expect(offenders).toEqual([]);
  });
});
