import { optionsFromUsage, parseArgsFor, type CheckedArgs, type OptionSpec, type ParsedArgs } from './args';
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
  /** Also the declaration of its options: `--campaign ID` takes a value, `[--json]` does not. */
  usage: string;
  /** Options beyond those written in `usage` (rarely needed). */
  options?: Record<string, OptionSpec>;
  summary: string;
  run(ctx: AppContext, args: ParsedArgs, io: CliIo): Promise<number>;
  /** Used instead of run when the database file cannot be opened (e.g. restore over a damaged file). */
  runWithoutDatabase?(dbPath: string, args: ParsedArgs, io: CliIo): Promise<number>;
}

/** The command's own arguments from the command line, or a Vietnamese message (exit 2) for an unknown option or a missing value. */
export function commandArgs(cmd: CliCommand, argv: readonly string[]): CheckedArgs | string {
  const parsed = parseArgsFor(argv, { ...optionsFromUsage(cmd.usage), ...cmd.options }, cmd.path.join(' '));
  if (typeof parsed === 'string') return `${parsed}\nCách dùng: ${cmd.usage}`;
  return { ...parsed, positionals: parsed.positionals.slice(cmd.path.length) };
}
