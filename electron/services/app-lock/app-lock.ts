import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { AppError } from '../../../shared/errors/app-error';
import type { LockStatus } from '../../../shared/ipc/channels/security';
import type { ServiceContext } from '../context';
import { deleteSetting, getSetting, setSetting } from '../settings/settings';
import { appendAudit } from '../audit/audit-log';

export const LOCK_SETTING = 'security.appLock';

interface StoredLock {
  algo: 'scrypt';
  salt: string;
  hash: string;
  N: number;
  r: number;
  p: number;
  idleMinutes: number;
}

const PARAMS = { N: 1 << 14, r: 8, p: 1, keyLen: 32 };
const MAX_FAILURES = 5;
const BLOCK_MS = 30_000;

interface State {
  locked: boolean;
  lastActivity: number;
  failures: number;
  blockedUntil: number;
}

/** Lock state lives in the main process only, per database file; a restart starts locked. */
const states = new Map<string, State>();

function stateOf(ctx: ServiceContext, enabled: boolean): State {
  let s = states.get(ctx.dbPath);
  if (!s) {
    s = { locked: enabled, lastActivity: Date.now(), failures: 0, blockedUntil: 0 };
    states.set(ctx.dbPath, s);
  }
  return s;
}

function hashPassword(password: string, salt: Buffer, p = PARAMS): Buffer {
  return scryptSync(password.normalize('NFC'), salt, p.keyLen, { N: p.N, r: p.r, p: p.p, maxmem: 64 * 1024 * 1024 });
}

function matches(stored: StoredLock, password: string): boolean {
  const expected = Buffer.from(stored.hash, 'hex');
  const got = hashPassword(password, Buffer.from(stored.salt, 'hex'), { N: stored.N, r: stored.r, p: stored.p, keyLen: expected.length });
  return timingSafeEqual(expected, got);
}

async function stored(ctx: ServiceContext): Promise<StoredLock | null> {
  return getSetting<StoredLock>(ctx.data.read, LOCK_SETTING);
}

export async function lockStatus(ctx: ServiceContext): Promise<LockStatus> {
  const s = await stored(ctx);
  const st = stateOf(ctx, !!s);
  if (s && !st.locked && Date.now() - st.lastActivity > s.idleMinutes * 60_000) st.locked = true;
  return { enabled: !!s, locked: !!s && st.locked, idleMinutes: s?.idleMinutes ?? 10 };
}

function checkPassword(ctx: ServiceContext, s: StoredLock, password: string): void {
  const st = stateOf(ctx, true);
  if (Date.now() < st.blockedUntil) {
    throw new AppError('LOCK_BLOCKED', `Nhập sai quá ${MAX_FAILURES} lần. Hãy đợi ${Math.ceil((st.blockedUntil - Date.now()) / 1000)} giây rồi thử lại.`);
  }
  if (!matches(s, password)) {
    st.failures++;
    if (st.failures >= MAX_FAILURES) {
      st.failures = 0;
      st.blockedUntil = Date.now() + BLOCK_MS;
    }
    throw new AppError('LOCK_WRONG_PASSWORD', 'Mật khẩu không đúng. Hãy nhập lại (chú ý bộ gõ tiếng Việt và phím Caps Lock).');
  }
  st.failures = 0;
}

/** Turns the lock on or changes the password (the current one is needed to change it). */
export async function setLockPassword(ctx: ServiceContext, args: { currentPassword?: string; newPassword: string; idleMinutes: number }): Promise<LockStatus> {
  const s = await stored(ctx);
  if (s) checkPassword(ctx, s, args.currentPassword ?? '');
  if (args.newPassword.length < 6) throw new AppError('VALIDATION', 'Mật khẩu cần ít nhất 6 ký tự.');
  const salt = randomBytes(16);
  const value: StoredLock = {
    algo: 'scrypt', salt: salt.toString('hex'), hash: hashPassword(args.newPassword, salt).toString('hex'),
    N: PARAMS.N, r: PARAMS.r, p: PARAMS.p, idleMinutes: args.idleMinutes,
  };
  ctx.data.write((w) => {
    setSetting(w, LOCK_SETTING, value);
    appendAudit(w, { action: s ? 'lock.change' : 'lock.enable', entity: 'settings', detail: `Khoá ứng dụng sau ${args.idleMinutes} phút không dùng` });
  });
  const st = stateOf(ctx, true);
  Object.assign(st, { locked: false, lastActivity: Date.now() });
  return lockStatus(ctx);
}

export async function unlockApp(ctx: ServiceContext, password: string): Promise<LockStatus> {
  const s = await stored(ctx);
  if (!s) return lockStatus(ctx);
  checkPassword(ctx, s, password);
  Object.assign(stateOf(ctx, true), { locked: false, lastActivity: Date.now() });
  return lockStatus(ctx);
}

export async function lockApp(ctx: ServiceContext): Promise<LockStatus> {
  const s = await stored(ctx);
  if (s) stateOf(ctx, true).locked = true;
  return lockStatus(ctx);
}

export async function clearLockPassword(ctx: ServiceContext, currentPassword: string): Promise<LockStatus> {
  const s = await stored(ctx);
  if (!s) return lockStatus(ctx);
  checkPassword(ctx, s, currentPassword);
  ctx.data.write((w) => {
    deleteSetting(w, LOCK_SETTING);
    appendAudit(w, { action: 'lock.disable', entity: 'settings', detail: 'Tắt khoá ứng dụng' });
  });
  stateOf(ctx, false).locked = false;
  return lockStatus(ctx);
}

/** Channels that work while the app is locked: the lock screen's own. */
export const CHANNELS_ALLOWED_WHEN_LOCKED: ReadonlySet<string> = new Set(['security:lockStatus', 'security:unlock', 'app:info']);

/**
 * For the dispatcher: refuses every other channel while locked, and counts each call as activity
 * so the idle timer runs in main (a renderer cannot keep the app unlocked by skipping its timer).
 */
export async function guardChannel(ctx: ServiceContext, channel: string): Promise<void> {
  if (CHANNELS_ALLOWED_WHEN_LOCKED.has(channel)) return;
  const st = await lockStatus(ctx);
  if (st.locked) throw new AppError('APP_LOCKED', 'Ứng dụng đang khoá. Hãy nhập mật khẩu để tiếp tục.');
  if (st.enabled) stateOf(ctx, true).lastActivity = Date.now();
}

/** Tests: forget the in-memory lock state of a database. */
export function resetLockState(dbPath: string): void {
  states.delete(dbPath);
}
