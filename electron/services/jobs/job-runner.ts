import { randomUUID } from 'node:crypto';
import { AppError, isAppError } from '../../../shared/errors/app-error';
import { jobResultSchemas, type JobKind, type JobResultOf, type JobStatus, type JobStatusOf } from '../../../shared/ipc/channels/jobs';
import { logError } from '../../log';
import { detachedFromWriteLock } from '../write-lock';

export interface JobControl {
  report(progress: number, message: string): void;
  /** Throws a cancellation error when the clerk pressed "Huỷ". */
  checkCancelled(): void;
  readonly signal: AbortSignal;
}

interface JobRecord {
  status: JobStatus;
  controller: AbortController;
  finishedAt?: number;
}

/** Any job's status, its result not narrowed by kind (prefer wait(id, kind)). */
export interface AnyJobStatus {
  id: string;
  kind: JobKind;
  state: JobStatus['state'];
  progress: number;
  message: string;
  result?: unknown;
  error?: { code: string; message: string };
}

const INTERNAL = 'Đã xảy ra lỗi không mong muốn khi xử lý. Dữ liệu không bị thay đổi; hãy thử lại.';

/**
 * Long work runs as a job: the screen polls jobs:status for progress and may cancel. Each job has a
 * kind (the channel that started it); its result is parsed with that kind's schema when it ends
 * (shared/ipc/channels/jobs.ts), so what jobs:status hands out is exactly what the contract says.
 */
export class JobRunner {
  private jobs = new Map<string, JobRecord>();

  start<K extends JobKind>(kind: K, message: string, work: (ctl: JobControl) => Promise<JobResultOf<K>>): string {
    const id = randomUUID();
    const controller = new AbortController();
    const job: JobRecord = { status: { id, kind, state: 'running', progress: 0, message } as JobStatus, controller };
    this.jobs.set(id, job);
    const ctl: JobControl = {
      signal: controller.signal,
      report: (progress, msg) => {
        if (job.status.state !== 'running') return;
        job.status = { ...job.status, progress: Math.max(0, Math.min(1, progress)), message: msg };
      },
      checkCancelled: () => {
        if (controller.signal.aborted) throw new AppError('CANCELLED', 'Đã huỷ theo yêu cầu. Không có gì được ghi vào dữ liệu.');
      },
    };
    const end = (ended: { state: 'done'; result: unknown } | { state: 'failed' | 'cancelled'; error: { code: string; message: string } }) => {
      const progress = ended.state === 'done' ? 1 : job.status.progress;
      job.status = { id, kind, message: job.status.message, progress, ...ended } as JobStatus;
      job.finishedAt = Date.now();
    };
    // The job outlives the call that started it: it must not inherit that call's write lock.
    void detachedFromWriteLock(async () => {
      try {
        const raw = await work(ctl);
        // The boundary: a result that does not match its kind's schema never reaches a screen.
        const parsed = jobResultSchemas[kind].safeParse(raw);
        if (parsed.success) end({ state: 'done', result: parsed.data });
        else {
          logError(`job ${kind}: result refused (${parsed.error.issues.map((i) => i.path.join('.') || '(root)').join(', ')})`, new Error('invalid job result'));
          end({ state: 'failed', error: { code: 'INVALID_RESULT', message: INTERNAL } });
        }
      } catch (e) {
        const cancelled = controller.signal.aborted;
        const err = isAppError(e) ? { code: e.code, message: e.message } : { code: 'INTERNAL', message: INTERNAL };
        end({ state: cancelled ? 'cancelled' : 'failed', error: err });
      }
      this.prune();
    });
    return id;
  }

  status(id: string): JobStatus {
    const job = this.jobs.get(id);
    if (!job) throw new AppError('JOB_NOT_FOUND', 'Không tìm thấy công việc này (có thể đã xong từ lâu). Hãy làm lại thao tác.');
    return job.status;
  }

  cancel(id: string): boolean {
    const job = this.jobs.get(id);
    if (!job || job.status.state !== 'running') return false;
    job.controller.abort();
    return true;
  }

  /** Awaits a job (CLI and tests); with a kind, typed by that kind (and refused if it is another). */
  async wait(id: string): Promise<AnyJobStatus>;
  async wait<K extends JobKind>(id: string, kind: K): Promise<JobStatusOf<K>>;
  async wait(id: string, kind?: JobKind): Promise<JobStatus> {
    for (;;) {
      const s = this.status(id);
      if (kind && s.kind !== kind) throw new AppError('JOB_KIND', `Công việc này không phải loại "${kind}".`);
      if (s.state !== 'running') return s;
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  private prune(): void {
    const cutoff = Date.now() - 10 * 60_000;
    for (const [id, j] of this.jobs) if (j.finishedAt && j.finishedAt < cutoff) this.jobs.delete(id);
  }
}
