import { ZodError } from 'zod';
import { contract } from '../../shared/ipc/contract';
import type { ChannelName } from '../../shared/ipc/api-types';
import type { Result } from '../../shared/ipc/result';
import { isAppError } from '../../shared/errors/app-error';
import type { ServiceContext } from '../services/context';
import type { AllHandlers } from './handler-types';
import { allHandlers } from './handlers';
import { logError } from '../log';
import { withWriteLock } from '../services/write-lock';
import { runAction } from '../services/policy/actions';
import { guardChannel } from '../services/app-lock/app-lock';
import { environmentError } from '../services/backup/errors';
import { validationMessage } from '../../shared/errors/validation-message';

/**
 * Calls that read only memory (job progress, cancel) or wait for the clerk in main's file dialog
 * (which touches no data): answered without the write lock, even while another call writes.
 */
const UNLOCKED_CHANNELS = new Set<string>(['jobs:status', 'jobs:cancel', 'backup:chooseFolder', 'backup:chooseFile']);

export type Dispatch = (channel: string, rawArgs: unknown) => Promise<Result<unknown>>;

function zodMessage(e: ZodError, channel?: string): string {
  // Vietnamese, naming the field as the form labels it (shared/errors/validation-message.ts)
  return validationMessage(e.issues, channel);
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
    if (!parsed.success) return { ok: false, error: { code: 'VALIDATION', message: zodMessage(parsed.error, channel) } };
    try {
      await guardChannel(ctx, channel);
      const handler = handlers[channel as ChannelName] as (c: ServiceContext, a: unknown) => unknown;
      // One call at a time on the database; progress polls and cancel never wait behind a long call.
      // Its policy (policy/actions.ts): the backup first, and every transaction in the audit log.
      const run = () => runAction(ctx, channel, () => handler(ctx, parsed.data));
      const value = UNLOCKED_CHANNELS.has(channel) ? await handler(ctx, parsed.data) : await withWriteLock(ctx.data, run);
      return { ok: true, value };
    } catch (e) {
      if (isAppError(e)) return { ok: false, error: { code: e.code, message: e.message, details: e.details } };
      if (e instanceof ZodError) return { ok: false, error: { code: 'VALIDATION', message: zodMessage(e, channel) } };
      // A full disk, a locked or read-only file: say so, not "unexpected error".
      const env = environmentError(e);
      if (env) return { ok: false, error: { code: env.code, message: env.message } };
      logError(`ipc ${channel} failed`, e);
      return { ok: false, error: { code: 'INTERNAL', message: 'Đã xảy ra lỗi không mong muốn. Dữ liệu không bị thay đổi; hãy thử lại, nếu lỗi lặp lại hãy sao lưu dữ liệu và báo cho bộ phận kỹ thuật.' } };
    }
  };
}
