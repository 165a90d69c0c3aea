import type { ParsedArgs } from './args';
import type { AppContext } from '../services/create-context';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

/** Exit codes a script can rely on. */
export const EXIT = { OK: 0, FAILED: 1, USAGE: 2, PARTIAL: 3 } as const;

export interface CliCommand {
  /** Words that select it: ['units', 'import']. */
  path: string[];
  usage: string;
  summary: string;
  run(ctx: AppContext, args: ParsedArgs, io: CliIo): Promise<number>;
  /** Used instead of run when the database file cannot be opened (e.g. restore over a damaged file). */
  runWithoutDatabase?(dbPath: string, args: ParsedArgs, io: CliIo): Promise<number>;
}
