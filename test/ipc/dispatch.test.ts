import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatch } from '../../electron/ipc/dispatch';
import { registerIpc } from '../../electron/ipc/register-electron';
import { allHandlers } from '../../electron/ipc/handlers';
import { channelNames, contract } from '../../shared/ipc/contract';
import { joinContracts, channel } from '../../shared/ipc/define';
import { buildApi } from '../../shared/ipc/build-api';
import { z } from 'zod';
import { tempContext } from '../helpers/context';

describe('IPC contract and dispatcher', () => {
  let ctx: ReturnType<typeof tempContext>;
  let dispatch: Dispatch;
  beforeEach(() => {
    ctx = tempContext();
    dispatch = createDispatcher(ctx);
  });
  afterEach(() => ctx.cleanup());

  it('has exactly one handler per channel', () => {
    expect(Object.keys(allHandlers()).sort()).toEqual([...channelNames].sort());
  });

  it('fails at start on a channel declared twice', () => {
    const a = { 'x:list': channel(z.object({}), z.null()) };
    expect(() => joinContracts(a, { ...a })).toThrow(/declared twice: x:list/);
  });

  it('validates arguments and returns errors as Vietnamese values', async () => {
    const bad = await dispatch('units:create', { name: '' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(bad.ok === false && bad.error.message).toMatch(/không được để trống/);
    const unknown = await dispatch('units:drop', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    const proto = await dispatch('__proto__', {});
    expect(proto.ok).toBe(false);
    const missing = await dispatch('campaigns:get', { id: 999 });
    expect(missing).toMatchObject({ ok: false, error: { code: 'CAMPAIGN_NOT_FOUND' } });
  });

  it('runs the real service against SQLite', async () => {
    const created = await dispatch('units:create', { name: 'Phường Chi Lăng', kind: 'commune' });
    expect(created).toMatchObject({ ok: true, value: { name: 'Phường Chi Lăng', kind: 'commune', parentId: null } });
    const list = await dispatch('units:list', {});
    expect(list.ok && (list.value as unknown[]).length).toBe(1);
    expect(ctx.conn.sqlite.prepare('SELECT count(*) n FROM units').get()).toEqual({ n: 1 });
  });

  it('builds a named function per channel, the same for preload and host', async () => {
    const api = buildApi(channelNames, (c, a) => dispatch(c, a));
    expect(typeof api.units.list).toBe('function');
    expect(typeof api.campaigns.create).toBe('function');
    const r = await api.campaigns.create({ name: 'Đợt 1 năm 2026' });
    expect(r.ok && r.value.ageMaxFemale).toBe(60);
    expect(Object.keys(contract).every((n) => /^[a-z]+[A-Za-z]*:[a-z][A-Za-z]*$/.test(n))).toBe(true);
  });

  it('ipcMain handlers refuse senders that are not the app', async () => {
    const registered = new Map<string, (e: unknown, a: unknown) => unknown>();
    registerIpc({ handle: (name: string, fn: (e: never, a: unknown) => unknown) => void registered.set(name, fn as never) } as never, dispatch);
    expect([...registered.keys()].sort()).toEqual([...channelNames].sort());
    const h = registered.get('units:list')!;
    expect(await h({ senderFrame: { url: 'https://evil.example/' } }, {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await h({ senderFrame: { url: 'app://giot-hong/index.html' } }, {})).toMatchObject({ ok: true });
  });
});
