import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempContext } from '../helpers/context';
import { createDispatcher } from '../../electron/ipc/dispatch';
import { creditRuleSchema } from '../../shared/ipc/channels/duplicates';
import { setCreditRule } from '../../electron/services/duplicates/credit';
import { withWriteLock } from '../../electron/services/write-lock';
import { q, sql } from '../../electron/db/query';

describe('one writer at a time, and no transaction held across a wait', () => {
  let ctx: ReturnType<typeof tempContext>;
  beforeEach(() => (ctx = tempContext()));
  afterEach(() => ctx.cleanup());

  const rule = creditRuleSchema.options[creditRuleSchema.options.length - 1];
  const ruleCount = () => ctx.data.read.value(sql<{ n: number }>`SELECT COUNT(*) AS n FROM settings WHERE value = ${JSON.stringify(rule)}`);
  const draft = () => ctx.data.read.get(q.selectFrom('settings').select('value').where('key', '=', 'test.draft'));

  it('a flow that waits (a numbered print rendering) holds no transaction: a change made meanwhile is committed on its own and kept', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const flow = (async () => {
      ctx.data.write((w) => w.run(q.insertInto('settings').values({ key: 'test.draft', value: '1' })));
      expect(ctx.data.inTransaction).toBe(false);
      await gate;
      throw new Error('render failed');
    })();
    // The old hazard: a raw write landing inside the waiting flow's open transaction and rolled back with it.
    setCreditRule(ctx, rule);
    release();
    await expect(flow).rejects.toThrow('render failed');
    expect(ruleCount()).toBe(1);
    // What the failed flow wrote before waiting was its own transaction: taking it back is its own, explicit step
    // (documents/numbering.ts gives a number back).
    expect(draft()).toEqual({ value: '1' });
  });

  it('calls through the dispatcher run one at a time; progress polls are answered while a long call holds the lock', async () => {
    const dispatch = createDispatcher(ctx);
    let release!: () => void;
    const long = withWriteLock(ctx.data, () => new Promise<void>((r) => (release = r)));
    const id = ctx.jobs.start('duplicates:match', 'x', async () => ({ pairs: 0, proposed: 0, people: 0 }));
    const status = await Promise.race([dispatch('jobs:status', { id }), new Promise((r) => setTimeout(() => r('blocked'), 1000))]);
    expect(status).toMatchObject({ ok: true });
    const write = dispatch('duplicates:setCreditRule', { rule });
    await new Promise((r) => setTimeout(r, 50));
    expect(ruleCount()).toBe(0); // waits behind the long call
    release();
    await long;
    expect(await write).toMatchObject({ ok: true });
    expect(ruleCount()).toBe(1);
  });
});
