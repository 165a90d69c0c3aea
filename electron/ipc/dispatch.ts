import { ZodError } from 'zod';
import { contract } from '../../shared/ipc/contract';
import type { ChannelName } from '../../shared/ipc/api-types';
import type { Result } from '../../shared/ipc/result';
import { isAppError } from '../../shared/errors/app-error';
import type { ServiceContext } from '../services/context';
import type { AllHandlers } from './handler-types';
import { allHandlers } from './handlers';
import { logError } from '../log';
import { guardChannel } from '../services/app-lock/app-lock';

export type Dispatch = (channel: string, rawArgs: unknown) => Promise<Result<unknown>>;

function zodMessage(e: ZodError): string {
  const first = e.issues[0];
  const where = first?.path?.length ? ` (trường "${first.path.join('.')}")` : '';
  const msg = first?.message && /[^\x00-\x7f]/.test(first.message) ? first.message : 'Dữ liệu gửi lên không hợp lệ.';
  return `${msg}${where} Hãy kiểm tra lại và thử lại.`;
}

/**
 * The one path from a channel call to a service, used by Electron's ipcMain and by the Node host:
 * validates args with the contract's zod schema and turns every error into a value.
 */
export function createDispatcher(ctx: ServiceContext, handlers: AllHandlers = allHandlers()): Dispatch {
  const names = Object.keys(contract);
  for (const n of names) if (!(n in handlers)) throw new Error(`No handler for IPC channel ${n}`);
  for (const n of Object.keys(handlers)) if (!(n in contract)) throw new Error(`Handler for unknown IPC channel ${n}`);
  return async (channel, rawArgs) => {
    if (!Object.hasOwn(contract, channel)) {
      return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'Chức năng này không tồn tại trong phiên bản hiện tại.' } };
    }
    const spec = contract[channel as ChannelName];
    const parsed = spec.args.safeParse(rawArgs ?? {});
    if (!parsed.success) return { ok: false, error: { code: 'VALIDATION', message: zodMessage(parsed.error) } };
    try {
      await guardChannel(ctx, channel);
      const handler = handlers[channel as ChannelName] as (c: ServiceContext, a: unknown) => unknown;
      const value = await handler(ctx, parsed.data);
      return { ok: true, value };
    } catch (e) {
      if (isAppError(e)) return { ok: false, error: { code: e.code, message: e.message, details: e.details } };
      if (e instanceof ZodError) return { ok: false, error: { code: 'VALIDATION', message: zodMessage(e) } };
      logError(`ipc ${channel} failed`, e);
      return { ok: false, error: { code: 'INTERNAL', message: 'Đã xảy ra lỗi không mong muốn. Dữ liệu không bị thay đổi; hãy thử lại, nếu lỗi lặp lại hãy sao lưu dữ liệu và báo cho bộ phận kỹ thuật.' } };
    }
  };
}
