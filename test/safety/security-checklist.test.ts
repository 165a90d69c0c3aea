import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './bundle';

function sources(dir: string): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|tsx|html|js|mjs|cjs)$/.test(e.name)) out.push({ file: path.relative(ROOT, p), text: fs.readFileSync(p, 'utf8') });
    }
  };
  walk(path.join(ROOT, dir));
  return out;
}

describe('Electron security checklist', () => {
  it('documents all 20 items, each with a test that exists or a written reason', () => {
    const doc = fs.readFileSync(path.join(ROOT, 'docs/security.md'), 'utf8');
    const section = doc.slice(doc.indexOf('## Electron security checklist'));
    const items = [...section.matchAll(/^(\d+)\. \*\*(.+?)\*\*([\s\S]*?)(?=^\d+\. \*\*|^`npm run|^## )/gm)];
    expect(items.map((m) => Number(m[1]))).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    for (const [, n, , body] of items) {
      const tests = [...body.matchAll(/`(test\/[^`]+\.test\.ts)`/g)].map((m) => m[1]);
      const hasReason = /Reason: \S.{20,}/.test(body);
      expect(tests.length > 0 || hasReason, `item ${n}`).toBe(true);
      for (const t of tests) expect(fs.existsSync(path.join(ROOT, t)), `item ${n}: ${t}`).toBe(true);
    }
  });

  it('no source in electron/ or renderer/ uses an option the checklist forbids', () => {
    const forbidden: [RegExp, string][] = [
      [/nodeIntegration(InWorker|InSubFrames)?\s*:\s*true/, 'nodeIntegration on'],
      [/contextIsolation\s*:\s*false/, 'contextIsolation off'],
      [/sandbox\s*:\s*false/, 'sandbox off'],
      [/webSecurity\s*:\s*false/, 'webSecurity off'],
      [/allowRunningInsecureContent\s*:\s*true/, 'insecure content'],
      [/experimentalFeatures\s*:\s*true/, 'experimental features'],
      [/enableBlinkFeatures/, 'enableBlinkFeatures'],
      [/allowpopups/i, 'webview allowpopups'],
      [/<webview/i, 'webview tag'],
      [/webviewTag\s*:\s*true/, 'webview tag'],
      [/shell\.openExternal|openExternal\(/, 'shell.openExternal'],
      [/loadURL\(\s*['"`](https?|file):/, 'loading http(s)/file URLs'],
      [/exposeInMainWorld\([^)]*ipcRenderer\s*\)/, 'raw ipcRenderer exposed'],
    ];
    const hits: string[] = [];
    for (const s of [...sources('electron'), ...sources('renderer')]) {
      for (const [re, what] of forbidden) if (re.test(s.text)) hits.push(`${s.file}: ${what}`);
    }
    expect(hits).toEqual([]);
    // The scan sees a violation when there is one.
    expect(forbidden.some(([re]) => re.test('new BrowserWindow({ webPreferences: { webSecurity: false } })'))).toBe(true);
  });

  it('the preload exposes exactly one object of named functions, and Electron is current', () => {
    const preload = fs.readFileSync(path.join(ROOT, 'electron/preload.ts'), 'utf8');
    expect(preload.match(/exposeInMainWorld/g)).toHaveLength(1);
    expect(preload).toMatch(/exposeInMainWorld\('api', buildApi\(channelNames,/);
    const electron = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/electron/package.json'), 'utf8')) as { version: string };
    expect(Number(electron.version.split('.')[0])).toBeGreaterThanOrEqual(40);
  });
});
