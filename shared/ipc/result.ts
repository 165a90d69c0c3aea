/** What every channel returns: errors are values with a Vietnamese message, never a throw across the boundary. */
export interface ApiError {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };
