import { z } from 'zod';
import { generatedDocumentSchema } from './documents';
import { matchJobResultSchema } from './duplicates';
import { importParseJobResultSchema } from './imports';

/**
 * Long work runs as a job (electron/services/jobs). Each kind of job — named after the channel that
 * starts it — hands back its own result: the runner parses it with this schema when the job ends (a
 * malformed result fails the job instead of reaching a screen), and `jobs:status` carries it typed,
 * a union on `kind` and then on `state`, so a screen never casts.
 */
export const jobResultSchemas = {
  'imports:parse': importParseJobResultSchema,
  'duplicates:match': matchJobResultSchema,
  'documents:generate': generatedDocumentSchema,
} as const;

export type JobKind = keyof typeof jobResultSchemas;
export const jobKinds = Object.keys(jobResultSchemas) as JobKind[];
export type JobResultOf<K extends JobKind> = z.output<(typeof jobResultSchemas)[K]>;

export const jobErrorSchema = z.object({ code: z.string(), message: z.string() });

function statusSchemaOf<K extends JobKind>(kind: K) {
  const base = { id: z.string(), kind: z.literal(kind), progress: z.number().min(0).max(1), message: z.string() };
  return z.discriminatedUnion('state', [
    z.object({ ...base, state: z.literal('running') }),
    z.object({ ...base, state: z.literal('done'), result: jobResultSchemas[kind] }),
    z.object({ ...base, state: z.enum(['failed', 'cancelled']), error: jobErrorSchema }),
  ]);
}

/** The status of one kind of job: `state: 'done'` carries that kind's result. */
export const jobStatusSchemas = {
  'imports:parse': statusSchemaOf('imports:parse'),
  'duplicates:match': statusSchemaOf('duplicates:match'),
  'documents:generate': statusSchemaOf('documents:generate'),
} satisfies { [K in JobKind]: ReturnType<typeof statusSchemaOf<K>> };

export const jobStatusSchema = z.discriminatedUnion('kind', [jobStatusSchemas['imports:parse'], jobStatusSchemas['duplicates:match'], jobStatusSchemas['documents:generate']]);
export type JobStatus = z.output<typeof jobStatusSchema>;
export type JobStatusOf<K extends JobKind> = Extract<JobStatus, { kind: K }>;
