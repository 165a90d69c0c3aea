import type { Api } from '../shared/ipc/api-types';
import type { Result } from '../shared/ipc/result';

declare global {
  interface Window {
    api: Api;
  }
}

/** The typed client: the preload (Electron) or the host bridge (browser) provides it. */
export const api: Api = window.api;

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
