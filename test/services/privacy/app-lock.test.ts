import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempContext } from '../../helpers/context';
import {
  clearLockPassword, guardChannel, LOCK_SETTING, lockApp, lockStatus, resetLockState, setLockPassword, unlockApp,
} from '../../../electron/services/app-lock/app-lock';

describe('app lock', () => {
  let ctx: ReturnType<typeof tempContext>;
  beforeEach(() => (ctx = tempContext()));
  afterEach(() => ctx.cleanup());

  it('stores only a salted scrypt hash, locks at start and after idle time, unlocks with the password', async () => {
    expect(await lockStatus(ctx)).toEqual({ enabled: false, locked: false, idleMinutes: 10 });
    await setLockPassword(ctx, { newPassword: 'Hoa Sen 2026', idleMinutes: 5 });
    const raw = ctx.conn.sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(LOCK_SETTING) as string;
    expect(raw).not.toContain('Hoa Sen');
    expect(JSON.parse(raw)).toMatchObject({ algo: 'scrypt', N: 16384, idleMinutes: 5 });
    expect(JSON.parse(raw).hash).toMatch(/^[0-9a-f]{64}$/);
    expect((await lockStatus(ctx)).locked).toBe(false);
    // A restart of the app starts locked.
    resetLockState(ctx.dbPath);
    expect(await lockStatus(ctx)).toEqual({ enabled: true, locked: true, idleMinutes: 5 });
    await expect(guardChannel(ctx, 'units:list')).rejects.toThrow(/Ứng dụng đang khoá/);
    await expect(guardChannel(ctx, 'security:unlock')).resolves.toBeUndefined();
    await expect(unlockApp(ctx, 'hoa sen 2026')).rejects.toThrow(/Mật khẩu không đúng/);
    expect((await unlockApp(ctx, 'Hoa Sen 2026')).locked).toBe(false);
    await expect(guardChannel(ctx, 'units:list')).resolves.toBeUndefined();
    // Idle longer than the limit: locked again, measured in main.
    const realNow = Date.now;
    Date.now = () => realNow() + 6 * 60_000;
    try {
      expect((await lockStatus(ctx)).locked).toBe(true);
    } finally {
      Date.now = realNow;
    }
    expect((await unlockApp(ctx, 'Hoa Sen 2026')).locked).toBe(false);
    expect((await lockApp(ctx)).locked).toBe(true);
  });

  it('blocks guessing after 5 wrong passwords, needs the current password to change or clear it', async () => {
    await setLockPassword(ctx, { newPassword: 'mat-khau-cu', idleMinutes: 10 });
    await expect(setLockPassword(ctx, { newPassword: 'mat-khau-moi', idleMinutes: 10 })).rejects.toThrow(/Mật khẩu không đúng/);
    await setLockPassword(ctx, { currentPassword: 'mat-khau-cu', newPassword: 'mat-khau-moi', idleMinutes: 10 });
    await lockApp(ctx);
    for (let i = 0; i < 5; i++) await expect(unlockApp(ctx, `sai-${i}`)).rejects.toThrow(/Mật khẩu không đúng/);
    await expect(unlockApp(ctx, 'mat-khau-moi')).rejects.toThrow(/Hãy đợi \d+ giây/);
    resetLockState(ctx.dbPath);
    expect((await unlockApp(ctx, 'mat-khau-moi')).locked).toBe(false);
    await expect(clearLockPassword(ctx, 'sai')).rejects.toThrow(/Mật khẩu không đúng/);
    expect(await clearLockPassword(ctx, 'mat-khau-moi')).toEqual({ enabled: false, locked: false, idleMinutes: 10 });
    const actions = ctx.conn.sqlite.prepare("SELECT action FROM audit_log WHERE action LIKE 'lock.%' ORDER BY id").pluck().all();
    expect(actions).toEqual(['lock.enable', 'lock.change', 'lock.disable']);
  });
});
