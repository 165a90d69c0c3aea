import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import type { Configuration } from 'app-builder-lib';
// electron-builder's own loader and JSON-schema validation, as `electron-builder` runs them.
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';

const ROOT = path.resolve(__dirname, '../..');
const noLog = { add() {}, isEnabled: false } as never;

describe('electron-builder.yml', () => {
  it('passes electron-builder validation and sets the security fuses', async () => {
    const config = (await getConfig(ROOT, path.join(ROOT, 'electron-builder.yml'), null)) as Configuration;
    await validateConfiguration(config, noLog);
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    });
    expect(config.npmRebuild).toBe(false);
    expect(config.nodeGypRebuild).toBe(false);
    expect(config.buildDependenciesFromSource).toBe(false);
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3-multiple-ciphers/**');
  });

  it('builds a per-machine NSIS installer, a portable build and an AppImage', async () => {
    const config = (await getConfig(ROOT, path.join(ROOT, 'electron-builder.yml'), null)) as Configuration;
    const winTargets = (config.win?.target as { target: string }[]).map((t) => t.target);
    expect(winTargets).toEqual(['nsis', 'portable']);
    expect(config.nsis).toMatchObject({ perMachine: true, oneClick: false });
    expect((config.linux?.target as { target: string }[]).map((t) => t.target)).toEqual(['AppImage']);
  });

  it('ships the built app, the fonts and the native module prebuilds it needs', async () => {
    const config = (await getConfig(ROOT, path.join(ROOT, 'electron-builder.yml'), null)) as Configuration;
    const files = JSON.stringify(config.files);
    expect(files).toContain('"out/**/*"');
    expect(files).toContain('"!out/host.js"');
    expect(JSON.stringify(config.extraResources)).toContain('"from":"resources/fonts","to":"fonts"');
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.main).toBe('out/main.js');
    expect(pkg.dependencies['better-sqlite3-multiple-ciphers']).toBeDefined();
    expect(pkg.allowScripts['better-sqlite3-multiple-ciphers']).toBe(false);
    expect(pkg.devDependencies.electron).toBeDefined();
    for (const p of ['win32-x64', 'linux-x64']) {
      expect(fs.existsSync(path.join(ROOT, 'node_modules/better-sqlite3-multiple-ciphers/prebuilds', `${p}.node`)), p).toBe(true);
    }
  });
});
