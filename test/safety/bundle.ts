import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');

/** Bundles a TypeScript entry into one CommonJS file that starts fast (the SQLite driver stays external). */
export async function bundleScript(entry: string, outfile: string): Promise<string> {
  await build({
    entryPoints: [path.resolve(ROOT, entry)], outfile, bundle: true, platform: 'node', target: 'node22', format: 'cjs',
    external: ['better-sqlite3-multiple-ciphers'], logLevel: 'error', define: { __APP_VERSION__: '"test"' },
  });
  return outfile;
}

/** Environment for a bundled child: native modules resolve from the project's node_modules. */
export function childEnv(): NodeJS.ProcessEnv {
  return { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules'), GIOT_HONG_QUIET: '1' };
}

/** True where `unshare -rm` may mount a small tmpfs (Linux user namespaces): used to fake a full or read-only disk. */
export function canMountTmpfs(): boolean {
  if (process.platform !== 'linux') return false;
  const r = spawnSync('unshare', ['-rm', 'sh', '-c', 'd=$(mktemp -d) && mount -t tmpfs -o size=64k tmpfs "$d" && umount "$d" && rmdir "$d"'], { timeout: 10_000 });
  return r.status === 0;
}
