import { randomUUID } from 'node:crypto';
import { AppError, isAppError } from '../../../shared/errors/app-error';
import type { JobStatus } from '../../../shared/ipc/channels/app';

export interface JobControl {
  report(progress: number, message: string): void;
  /** Throws a cancellation error when the clerk pressed "Huỷ". */
  checkCancelled(): void;
  readonly signal: AbortSignal;
}

/** Long work runs as a job: the screen polls jobs:status for progress and may cancel. */
export class JobRunner {
  private jobs = new Map<string, JobStatus & { controller: AbortController; finishedAt?: number }>();

  start<T>(message: string, work: (ctl: JobControl) => Promise<T>): string {
    const id = randomUUID();
    const controller = new AbortController();
    const job = { id, state: 'running' as JobStatus['state'], progress: 0, message, controller } as JobStatus & { controller: AbortController; finishedAt?: number };
    this.jobs.set(id, job);
    const ctl: JobControl = {
      signal: controller.signal,
      report: (progress, msg) => {
        job.progress = Math.max(0, Math.min(1, progress));
        job.message = msg;
      },
      checkCancelled: () => {
        if (controller.signal.aborted) throw new AppError('CANCELLED', 'Đã huỷ theo yêu cầu. Không có gì được ghi vào dữ liệu.');
      },
    };
    void (async () => {
      try {
        const result = await work(ctl);
        Object.assign(job, { state: 'done', progress: 1, result, finishedAt: Date.now() });
      } catch (e) {
        const cancelled = controller.signal.aborted;
        const err = isAppError(e) ? { code: e.code, message: e.message } : { code: 'INTERNAL', message: 'Đã xảy ra lỗi không mong muốn khi xử lý. Dữ liệu không bị thay đổi; hãy thử lại.' };
        Object.assign(job, { state: cancelled ? 'cancelled' : 'failed', error: err, finishedAt: Date.now() });
      }
      this.prune();
    })();
    return id;
  }

  status(id: string): JobStatus {
    const job = this.jobs.get(id);
    if (!job) throw new AppError('JOB_NOT_FOUND', 'Không tìm thấy công việc này (có thể đã xong từ lâu). Hãy làm lại thao tác.');
    const { controller: _c, finishedAt: _f, ...status } = job;
    return status;
  }

  cancel(id: string): boolean {
    const job = this.jobs.get(id);
    if (!job || job.state !== 'running') return false;
    job.controller.abort();
    return true;
  }

  /** Awaits a job (CLI and tests). */
  async wait(id: string): Promise<JobStatus> {
    for (;;) {
      const s = this.status(id);
      if (s.state !== 'running') return s;
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  private prune(): void {
    const cutoff = Date.now() - 10 * 60_000;
    for (const [id, j] of this.jobs) if (j.finishedAt && j.finishedAt < cutoff) this.jobs.delete(id);
  }
}
