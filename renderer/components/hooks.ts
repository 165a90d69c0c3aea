import { useCallback, useEffect, useRef, useState } from 'react';
import type { Result } from '../../shared/ipc/result';
import { api, call } from '../api';
import { jobStatusSchemas, type JobKind, type JobStatusOf } from '../../shared/ipc/channels/jobs';

export interface Loaded<T> {
  data: T | undefined;
  error: string | null;
  loading: boolean;
  reload(): void;
}

/** Loads data from the api and reloads on demand; errors become the Vietnamese message. */
export function useLoad<T>(load: () => Promise<Result<T>>, deps: unknown[]): Loaded<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let alive = true;
    setLoading(true);
    call(load())
      .then((v) => alive && (setData(v), setError(null)))
      .catch((e: Error) => alive && setError(e.message))
      .finally(() => alive && setLoading(false));
    return () => {
      alive = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, loading, reload };
}

/** Runs an action, keeping its busy state and error message for the screen. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(async <T,>(fn: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(null);
    try {
      return await fn();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, setError, run };
}

/**
 * Polls a job of one kind until it ends; gives progress for a progress bar and a cancel function.
 * The status is parsed with that kind's schema (shared/ipc/channels/jobs.ts): `onEnd` gets the
 * kind's typed result when `state === 'done'`, and anything else is reported as a failure.
 */
export function useJob<K extends JobKind>(kind: K, jobId: string | null, onEnd?: (s: JobStatusOf<K>) => void) {
  const [status, setStatus] = useState<JobStatusOf<K> | null>(null);
  const endRef = useRef(onEnd);
  endRef.current = onEnd;
  useEffect(() => {
    if (!jobId) {
      setStatus(null);
      return;
    }
    let alive = true;
    const fail = (error: { code: string; message: string }) => {
      const failed = { id: jobId, kind, state: 'failed', progress: 0, message: error.message, error } as JobStatusOf<K>;
      setStatus(failed);
      endRef.current?.(failed);
    };
    const poll = async () => {
      const r = await api.jobs.status({ id: jobId });
      if (!alive) return;
      if (!r.ok) return fail(r.error);
      const parsed = jobStatusSchemas[kind].safeParse(r.value);
      if (!parsed.success) return fail({ code: 'INVALID_RESULT', message: 'Kết quả nhận được không đúng dạng. Hãy thử lại; nếu lỗi lặp lại hãy báo cho bộ phận kỹ thuật.' });
      const s = parsed.data as JobStatusOf<K>;
      setStatus(s);
      if (s.state === 'running') setTimeout(poll, 150);
      else endRef.current?.(s);
    };
    void poll();
    return () => {
      alive = false;
    };
  }, [jobId, kind]);
  const cancel = useCallback(() => {
    if (jobId) void api.jobs.cancel({ id: jobId });
  }, [jobId]);
  return { status, cancel };
}
