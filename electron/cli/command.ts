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
  /** Commands that must not open (and so create/migrate) the database set this. */
  noDatabase?: boolean;
  run(ctx: AppContext, args: ParsedArgs, io: CliIo): Promise<number>;
}
