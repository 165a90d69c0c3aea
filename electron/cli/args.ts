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

/** An option a command accepts: `--campaign ID` takes a value, `--json` does not. */
export interface OptionSpec {
  value: boolean;
}

/** Options every command accepts. */
export const GLOBAL_OPTIONS: Record<string, OptionSpec> = { db: { value: true }, help: { value: false } };

/**
 * The options a command declares in its usage line: `--name VALUE` takes a value, `[--flag]` does not.
 * `[--legal-basis TEXT]…` may be repeated (every value is kept in `multi`).
 */
export function optionsFromUsage(usage: string): Record<string, OptionSpec> {
  const out: Record<string, OptionSpec> = {};
  for (const m of usage.matchAll(/--([a-z][a-z0-9-]*)(?:[ =]([^\s[\]]+))?/g)) {
    const v = m[2];
    out[m[1]] = { value: !!v && !v.startsWith('-') };
  }
  return out;
}

export interface CheckedArgs extends ParsedArgs {
  /** Every value of a repeated option, in order (`--legal-basis A --legal-basis B`). */
  multi: Record<string, string[]>;
}

/**
 * Parses argv against the options a command accepts. Returns a Vietnamese message for an unknown
 * option or a missing value (the caller exits with code 2), else the parsed arguments.
 */
export function parseArgsFor(argv: readonly string[], accepted: Record<string, OptionSpec>, commandName: string): CheckedArgs | string {
  const specs = { ...GLOBAL_OPTIONS, ...accepted };
  const positionals: string[] = [];
  const options: Record<string, string | true> = {};
  const multi: Record<string, string[]> = {};
  const known = () => Object.keys(specs).filter((k) => k !== 'help').sort().map((k) => `--${k}`).join(', ');
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!a.startsWith('--') || a === '--') {
      positionals.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
    const spec = specs[name];
    if (!spec) return `Tuỳ chọn không hợp lệ cho lệnh "${commandName}": --${name}. Lệnh này nhận: ${known()}.`;
    let value: string | true = true;
    if (spec.value) {
      if (eq > 0) value = a.slice(eq + 1);
      else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) value = argv[++i];
      else return `Thiếu giá trị cho --${name} (lệnh "${commandName}"). Ví dụ: --${name} GIÁ_TRỊ.`;
    } else if (eq > 0) {
      return `Tuỳ chọn --${name} của lệnh "${commandName}" không nhận giá trị (bỏ phần "=${a.slice(eq + 1)}").`;
    }
    options[name] = value;
    if (typeof value === 'string') (multi[name] ??= []).push(value);
  }
  return { positionals, options, multi };
}

/** Every value of a repeatable option (`--legal-basis A --legal-basis B`). */
export function optList(args: ParsedArgs, name: string): string[] | undefined {
  const m = (args as Partial<CheckedArgs>).multi?.[name];
  if (m) return m;
  const v = optString(args, name);
  return v === undefined ? undefined : [v];
}
