// Builds every target with esbuild: main, preload, CLI, Node host (Node/CommonJS) and the renderer (browser).
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'out');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const define = { __APP_VERSION__: JSON.stringify(pkg.version) };

// shared/ must stay platform-free: the build fails otherwise.
execFileSync(process.execPath, [path.join(root, 'scripts/check-shared-imports.mjs')], { stdio: 'inherit' });

fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(path.join(out, 'renderer'), { recursive: true });

const node = { bundle: true, platform: 'node', target: 'node22', format: 'cjs', sourcemap: false, define, logLevel: 'warning' };

await Promise.all([
  build({ ...node, entryPoints: { main: 'electron/main.ts', cli: 'electron/cli.ts', host: 'electron/host/main.ts', 'pdf-worker': 'electron/services/documents/pdf/pdf-worker.ts' }, outdir: out, packages: 'external', external: ['electron'] }),
  // The sandboxed preload may only require 'electron': everything else is bundled in.
  build({ ...node, entryPoints: { preload: 'electron/preload.ts' }, outdir: out, external: ['electron'] }),
  build({ bundle: true, platform: 'browser', target: 'chrome130', format: 'iife', entryPoints: { bridge: 'electron/host/bridge.ts' }, outdir: out, define, logLevel: 'warning' }),
  build({
    bundle: true, platform: 'browser', target: 'chrome130', format: 'esm', jsx: 'automatic', minify: true,
    entryPoints: { app: 'renderer/main.tsx' }, outdir: path.join(out, 'renderer'), define: { ...define, 'process.env.NODE_ENV': '"production"' },
    loader: { '.ttf': 'file', '.png': 'file', '.svg': 'file' }, logLevel: 'warning',
  }),
]);
fs.copyFileSync(path.join(root, 'renderer/index.html'), path.join(out, 'renderer/index.html'));
console.log('Đã build xong vào out/');
