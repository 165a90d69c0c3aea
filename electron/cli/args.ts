export interface ParsedArgs {
  positionals: string[];
  options: Record<string, string | true>;
}

/** Flags that never take a value. Everything else written --name takes the next word. */
const BOOLEAN_FLAGS = new Set(['json', 'help', 'force', 'replace', 'skip', 'yes', 'unmasked', 'all']);

/** Options may come before or after positionals: `import --db x a.xlsx` = `import a.xlsx --db x`. */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const positionals: string[] = [];
  const options: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      if (eq > 0) {
        options[a.slice(2, eq)] = a.slice(eq + 1);
        continue;
      }
      const name = a.slice(2);
      if (BOOLEAN_FLAGS.has(name) || i + 1 >= argv.length || argv[i + 1].startsWith('--')) options[name] = true;
      else options[name] = argv[++i];
      continue;
    }
    positionals.push(a);
  }
  return { positionals, options };
}

export function optString(args: ParsedArgs, name: string): string | undefined {
  const v = args.options[name];
  return typeof v === 'string' ? v : undefined;
}

export function optInt(args: ParsedArgs, name: string): number | undefined {
  const v = optString(args, name);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n)) throw new Error(`--${name} phải là một số nguyên (nhận được "${v}").`);
  return n;
}

/** The --campaign ID most commands need; says how to find it when it is missing. */
export function requireCampaign(args: ParsedArgs, io: { err(t: string): void }): number | null {
  const id = optInt(args, 'campaign');
  if (id === undefined) io.err('Thiếu --campaign ID (xem số đợt bằng lệnh: campaigns list).');
  return id ?? null;
}
