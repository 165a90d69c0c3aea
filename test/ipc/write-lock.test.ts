import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempContext } from '../helpers/context';
import { createDispatcher } from '../../electron/ipc/dispatch';
import { inTransaction } from '../../electron/services/context';
import { creditRuleSchema } from '../../shared/ipc/channels/duplicates';
import { setCreditRule } from '../../electron/services/duplicates/credit';
import { withWriteLock } from '../../electron/services/write-lock';

describe('one writer at a time on the connection', () => {
  let ctx: ReturnType<typeof tempContext>;
  beforeEach(() => (ctx = tempContext()));
  afterEach(() => ctx.cleanup());

  it('a write made while another flow holds a transaction open is not rolled back with it', async () => {
    const dispatch = createDispatcher(ctx);
    let entered!: () => void;
    const inside = new Promise<void>((r) => (entered = r));
    // e.g. a numbered print whose rendering fails after its transaction began
    const failing = inTransaction(ctx, async (tx) => {
      await tx.db.insertInto('settings').values({ key: 'test.draft', value: '1' }).execute();
      entered();
      await new Promise((r) => setTimeout(r, 80));
      throw new Error('render failed');
    });
    await inside;
    const rule = creditRuleSchema.options[creditRuleSchema.options.length - 1];
    // the clerk changes a setting meanwhile: a service that writes through the raw handle
    const write = dispatch('duplicates:setCreditRule', { rule });
    await expect(failing).rejects.toThrow('render failed');
    expect(await write).toMatchObject({ ok: true });
    expect(ctx.sqlite.prepare("SELECT value FROM settings WHERE key = 'test.draft'").get()).toBeUndefined();
    expect(ctx.sqlite.prepare("SELECT COUNT(*) FROM settings WHERE value = ?").pluck().get(JSON.stringify(rule))).toBe(1);
  });

  it('the hazard it closes: a raw write made inside another flow\'s open transaction is lost with it, unless it waits for the lock', async () => {
    const rule = creditRuleSchema.options[creditRuleSchema.options.length - 1];
    const count = () => ctx.sqlite.prepare('SELECT COUNT(*) FROM settings WHERE value = ?').pluck().get(JSON.stringify(rule));
    const openThenFail = () => {
      let entered!: () => void;
      const inside = new Promise<void>((r) => (entered = r));
      const done = inTransaction(ctx, async () => {
        entered();
        await new Promise((r) => setTimeout(r, 50));
        throw new Error('render failed');
      });
      return { inside, done };
    };
    const a = openThenFail();
    await a.inside;
    setCreditRule(ctx, rule); // straight through: lands inside the open transaction
    await expect(a.done).rejects.toThrow();
    expect(count()).toBe(0);

    const b = openThenFail();
    await b.inside;
    const locked = withWriteLock(ctx.data, () => setCreditRule(ctx, rule));
    await expect(b.done).rejects.toThrow();
    await locked;
    expect(count()).toBe(1);
  });

  it('progress polls are answered while a long call holds the connection', async () => {
    const dispatch = createDispatcher(ctx);
    let release!: () => void;
    const long = inTransaction(ctx, () => new Promise<void>((r) => (release = r)));
    const id = ctx.jobs.start('duplicates:match', 'x', async () => ({ pairs: 0, proposed: 0, people: 0 }));
    const status = await Promise.race([dispatch('jobs:status', { id }), new Promise((r) => setTimeout(() => r('blocked'), 1000))]);
    expect(status).toMatchObject({ ok: true });
    release();
    await long;
  });
});
