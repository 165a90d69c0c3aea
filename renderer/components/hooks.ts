import { useCallback, useEffect, useRef, useState } from 'react';
import type { Result } from '../../shared/ipc/result';
import { api, call } from '../api';
import type { JobStatus } from '../../shared/ipc/channels/app';

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

/** Polls a job until it ends; gives progress for a progress bar and a cancel function. */
export function useJob(jobId: string | null, onEnd?: (s: JobStatus) => void) {
  const [status, setStatus] = useState<JobStatus | null>(null);
  const endRef = useRef(onEnd);
  endRef.current = onEnd;
  useEffect(() => {
    if (!jobId) {
      setStatus(null);
      return;
    }
    let alive = true;
    const poll = async () => {
      const r = await api.jobs.status({ id: jobId });
      if (!alive) return;
      if (!r.ok) {
        const failed: JobStatus = { id: jobId, state: 'failed', progress: 0, message: r.error.message, error: r.error };
        setStatus(failed);
        endRef.current?.(failed);
        return;
      }
      setStatus(r.value);
      if (r.value.state === 'running') setTimeout(poll, 150);
      else endRef.current?.(r.value);
    };
    void poll();
    return () => {
      alive = false;
    };
  }, [jobId]);
  const cancel = useCallback(() => {
    if (jobId) void api.jobs.cancel({ id: jobId });
  }, [jobId]);
  return { status, cancel };
}
