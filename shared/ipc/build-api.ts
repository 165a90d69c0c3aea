import type { Api } from './api-types';
import { splitChannel } from './api-types';
import type { Result } from './result';

/**
 * Builds `window.api` from the channel list: api.<entity>.<verb>(args). Used by the preload
 * (over ipcRenderer) and by the browser host bridge (over HTTP), so both expose the same shape.
 */
export function buildApi(names: readonly string[], call: (channel: string, args: unknown) => Promise<Result<unknown>>): Api {
  const api: Record<string, Record<string, (args?: unknown) => Promise<Result<unknown>>>> = {};
  for (const name of names) {
    const [entity, verb] = splitChannel(name);
    api[entity] ??= {};
    api[entity][verb] = (args?: unknown) => call(name, args ?? {});
  }
  return api as unknown as Api;
}
