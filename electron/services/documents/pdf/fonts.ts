import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../../shared/errors/app-error';

export const FONT_FILES = {
  normal: 'Tinos-Regular.ttf',
  bold: 'Tinos-Bold.ttf',
  italics: 'Tinos-Italic.ttf',
  bolditalics: 'Tinos-BoldItalic.ttf',
} as const;

/** Where resources/fonts is: beside the sources (dev, tests), beside out/ (built), or in the installed app. */
function candidateDirs(): string[] {
  const dirs: string[] = [];
  if (process.env.GIOT_HONG_FONTS) dirs.push(process.env.GIOT_HONG_FONTS);
  const resourcesPath = (process as unknown as { resourcesPath?: string }).resourcesPath;
  if (resourcesPath) dirs.push(path.join(resourcesPath, 'fonts'), path.join(resourcesPath, 'resources', 'fonts'));
  dirs.push(
    path.resolve(__dirname, '../../../../resources/fonts'),
    path.resolve(__dirname, '../resources/fonts'),
    path.resolve(process.cwd(), 'resources/fonts'),
  );
  return dirs;
}

let cached: Record<keyof typeof FONT_FILES, Buffer> | null = null;

/** The folder holding the Tinos files (handed to the PDF worker thread, which may not see the app's paths). */
export function fontsDir(): string {
  const dir = candidateDirs().find((d) => fs.existsSync(path.join(d, FONT_FILES.normal)));
  if (!dir) {
    throw new AppError('FONTS_MISSING', 'Không tìm thấy phông chữ Tinos (thư mục resources/fonts). Hãy cài đặt lại ứng dụng.');
  }
  return dir;
}

/** The four Tinos faces as buffers (read once). */
export function loadFontBuffers(): Record<keyof typeof FONT_FILES, Buffer> {
  if (cached) return cached;
  const dir = fontsDir();
  const read = (f: string) => fs.readFileSync(path.join(dir, f));
  cached = { normal: read(FONT_FILES.normal), bold: read(FONT_FILES.bold), italics: read(FONT_FILES.italics), bolditalics: read(FONT_FILES.bolditalics) };
  return cached;
}
