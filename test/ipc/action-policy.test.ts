import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempContext } from '../helpers/context';
import { createDispatcher } from '../../electron/ipc/dispatch';
import { allHandlers } from '../../electron/ipc/handlers';
import type { AllHandlers } from '../../electron/ipc/handler-types';
import { ACTION_POLICIES, describeChanges } from '../../electron/services/policy/actions';
import { contract } from '../../shared/ipc/contract';
import { q } from '../../electron/db/query';
import { verifyAuditChain } from '../../electron/services/audit/audit-log';
import { auditActionLabel } from '../../shared/domain/audit-labels';

const NOW = '2026-05-01T08:00:00.000Z';
const audit = (ctx: ReturnType<typeof tempContext>) => ctx.data.read.all(q.selectFrom('audit_log').select(['action', 'detail']).orderBy('id'));

describe('the action policy, applied where actions are run (electron/services/policy/actions.ts)', () => {
  let ctx: ReturnType<typeof tempContext>;
  beforeEach(() => (ctx = tempContext()));
  afterEach(() => ctx.cleanup());

  it('declares every channel of the contract, and every audit code it can write has a Vietnamese label', () => {
    expect(Object.keys(ACTION_POLICIES).sort()).toEqual(Object.keys(contract).sort());
    for (const p of Object.values(ACTION_POLICIES)) if (p) expect(auditActionLabel(p.audit)).not.toBe('Thao tác khác');
  });

  it('a change no service described is audited under its channel, inside the same transaction', async () => {
    const handlers: AllHandlers = {
      ...allHandlers(),
      // A handler that writes and says nothing: the policy still logs what it changed.
      'units:move': (c) => {
        c.data.write((w) => {
          w.run(q.insertInto('units').values({ name: 'Xã A', created_at: NOW, updated_at: NOW }));
          w.run(q.insertInto('units').values({ name: 'Xã B', created_at: NOW, updated_at: NOW }));
          w.run(q.updateTable('units').set({ sort_order: 3 }).where('name', '=', 'Xã B'));
        });
        return [];
      },
    };
    const dispatch = createDispatcher(ctx, handlers);
    expect(await dispatch('units:move', { id: 1, parentId: null, index: 0 })).toMatchObject({ ok: true });
    expect(audit(ctx)).toEqual([{ action: 'unit.move', detail: 'thêm 2 đơn vị; sửa 1 đơn vị' }]);
    expect(verifyAuditChain(ctx.data.read)).toMatchObject({ ok: true, count: 1 });
  });

  it('a change rolled back leaves no entry; a read leaves none', async () => {
    const handlers: AllHandlers = {
      ...allHandlers(),
      'units:move': (c) => {
        c.data.write((w) => {
          w.run(q.insertInto('units').values({ name: 'Xã A', created_at: NOW, updated_at: NOW }));
          throw new Error('giữa chừng');
        });
        return [];
      },
    };
    const dispatch = createDispatcher(ctx, handlers);
    expect(await dispatch('units:move', { id: 1, parentId: null, index: 0 })).toMatchObject({ ok: false });
    expect(await dispatch('units:list', {})).toMatchObject({ ok: true });
    expect(audit(ctx)).toEqual([]);
  });

  it('a service that writes its own entry keeps it, and gets no second one', async () => {
    const dispatch = createDispatcher(ctx);
    const r = await dispatch('units:create', { name: 'Trường THPT Lê Lợi', kind: 'school' });
    expect(r).toMatchObject({ ok: true });
    expect(audit(ctx)).toEqual([{ action: 'unit.create', detail: 'Trường THPT Lê Lợi' }]);
  });

  it('describes changes in the clerk\'s words, without personal data', () => {
    expect(describeChanges([{ table: 'registrations', op: 'insert', rows: 120 }, { table: 'people', op: 'update', rows: 1 }, { table: 'x_y', op: 'delete', rows: 2 }])).toBe('thêm 120 đăng ký; sửa 1 người; xoá 2 x_y');
  });
});
