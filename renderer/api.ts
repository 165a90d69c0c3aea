import type { Api } from '../shared/ipc/api-types';
import type { Result } from '../shared/ipc/result';
import { setLocked, whenUnlocked } from './components/lock-signal';

declare global {
  interface Window {
    api: Api;
  }
}

type AnyCall = (args?: unknown) => Promise<Result<unknown>>;

/**
 * The typed client over what the preload (Electron) or the host bridge (browser) provides. A call
 * the main process refuses because the app locked itself (idle time) raises the lock screen and runs
 * again once the clerk has unlocked: the screen's work continues where it was.
 */
function lockAware(raw: Api): Api {
  const out: Record<string, Record<string, AnyCall>> = {};
  for (const [entity, verbs] of Object.entries(raw as unknown as Record<string, Record<string, AnyCall>>)) {
    out[entity] = {};
    for (const [verb, fn] of Object.entries(verbs)) {
      out[entity][verb] = async (args?: unknown) => {
        for (;;) {
          const r = await fn(args);
          if (r.ok || r.error.code !== 'APP_LOCKED') return r;
          setLocked(true);
          await whenUnlocked();
        }
      };
    }
  }
  return out as unknown as Api;
}

export const api: Api = lockAware(window.api);

export class ApiFailure extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

/** Unwraps a result, throwing its Vietnamese message for the screen to show. */
export async function call<T>(p: Promise<Result<T>>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new ApiFailure(r.error.code, r.error.message);
  return r.value;
}
