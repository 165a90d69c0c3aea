import { useCallback, useState } from 'react';
import { api, call } from '../../api';
import { useJob } from '../../components/hooks';
import type { GenerateOptions, GeneratedDocument } from '../../../shared/ipc/channels/documents';

/** Starts generation as a job, follows its progress and hands back the finished file. */
export function useGenerate(onDone?: (doc: GeneratedDocument) => void) {
  const [jobId, setJobId] = useState<string | null>(null);
  const [doc, setDoc] = useState<GeneratedDocument | null>(null);
  const [error, setError] = useState<string | null>(null);
  const job = useJob('documents:generate', jobId, (s) => {
    setJobId(null);
    if (s.state === 'done') {
      setDoc(s.result);
      onDone?.(s.result);
    } else if (s.state !== 'running') setError(s.error.message);
  });
  const start = useCallback(async (opts: GenerateOptions) => {
    setError(null);
    try {
      const { jobId: id } = await call(api.documents.generate(opts));
      setJobId(id);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, []);
  return { start, doc, error, setError, status: job.status, cancel: job.cancel, running: jobId !== null };
}
