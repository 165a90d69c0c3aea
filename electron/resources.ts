import fs from 'node:fs';
import path from 'node:path';

/**
 * Where bundled resources (fonts, form layouts) live: beside the packaged app (process.resourcesPath,
 * see extraResources in electron-builder.yml), or the repository's resources/ folder in development,
 * tests and the CLI, found by walking up from this file.
 */
export function resourcePath(...parts: string[]): string {
  const packaged = (process as { resourcesPath?: string }).resourcesPath;
  if (packaged && fs.existsSync(path.join(packaged, ...parts))) return path.join(packaged, ...parts);
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'resources', ...parts);
    if (fs.existsSync(candidate)) return candidate;
    dir = path.dirname(dir);
  }
  return path.join(process.cwd(), 'resources', ...parts);
}
