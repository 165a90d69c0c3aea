import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { commands } from '../../electron/cli/commands';
import { commandArgs } from '../../electron/cli/command';
import { optList, optionsFromUsage, parseArgsFor } from '../../electron/cli/args';

const DIR = path.resolve(__dirname, '../../electron/cli/commands');

describe('CLI options', () => {
  it('every option a command file reads is declared in the usage of its commands', () => {
    for (const f of fs.readdirSync(DIR).filter((x) => x.endsWith('.ts') && x !== 'index.ts')) {
      const src = fs.readFileSync(path.join(DIR, f), 'utf8');
      const used = new Set<string>();
      for (const m of src.matchAll(/opt(?:String|Int|List)\(args, '([a-z0-9-]+)'\)/g)) used.add(m[1]);
      for (const m of src.matchAll(/args\.options(?:\.([a-z]+)|\['([a-z0-9-]+)'\])/g)) used.add(m[1] ?? m[2]);
      if (/requireCampaign\(/.test(src)) used.add('campaign');
      const fileCommands = commands.filter((c) => src.includes(`path: [${c.path.map((p) => `'${p}'`).join(', ')}]`));
      expect(fileCommands.length, f).toBeGreaterThan(0);
      const declared = new Set(fileCommands.flatMap((c) => Object.keys({ ...optionsFromUsage(c.usage), ...c.options })));
      const missing = [...used].filter((o) => !declared.has(o) && o !== 'db' && o !== 'help');
      expect(missing, `${f} reads options its usage does not declare`).toEqual([]);
    }
  });

  it('refuses unknown options and missing values with a Vietnamese message, keeps repeated values', () => {
    const update = commands.find((c) => c.path.join(' ') === 'campaigns update')!;
    expect(commandArgs(update, ['campaigns', 'update', '1', '--bogus', 'x'])).toMatch(/Tuỳ chọn không hợp lệ cho lệnh "campaigns update": --bogus\. Lệnh này nhận: .*--legal-basis/);
    expect(commandArgs(update, ['campaigns', 'update', '1', '--place'])).toMatch(/Thiếu giá trị cho --place/);
    expect(commandArgs(update, ['campaigns', 'update', '1', '--place', '--slogan', 'x'])).toMatch(/Thiếu giá trị cho --place/);
    const ok = commandArgs(update, ['campaigns', 'update', '1', '--legal-basis', 'A', '--legal-basis=B', '--json', '--db', 'x.sqlite']);
    expect(typeof ok).toBe('object');
    if (typeof ok === 'object') {
      expect(ok.positionals).toEqual(['1']);
      expect(optList(ok, 'legal-basis')).toEqual(['A', 'B']);
      expect(ok.options).toMatchObject({ json: true, db: 'x.sqlite' });
    }
    const quotas = commands.find((c) => c.path.join(' ') === 'quotas import')!;
    const q = commandArgs(quotas, ['quotas', 'import', '--campaign', '2', '--create-units', 'bieu.xlsx']);
    expect(q).toMatchObject({ positionals: ['bieu.xlsx'], options: { campaign: '2', 'create-units': true } });
    expect(parseArgsFor(['--json=1'], { json: { value: false } }, 'x')).toMatch(/không nhận giá trị/);
    // An explicit empty value clears a field ("--deadline ''"); only a value that is not there at all is missing.
    expect(commandArgs(update, ['campaigns', 'update', '1', '--deadline', ''])).toMatchObject({ options: { deadline: '' } });
  });
});
