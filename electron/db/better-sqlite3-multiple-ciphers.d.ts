// The package ships index.d.ts but its package.json "exports" hide it from TypeScript's resolver:
// it has the better-sqlite3 API, so it is typed with @types/better-sqlite3 (see sqlite-driver.ts).
declare module 'better-sqlite3-multiple-ciphers' {
  import BetterSqlite3 = require('better-sqlite3');
  export = BetterSqlite3;
}
