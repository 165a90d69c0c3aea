import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../../electron/services/documents/pdf/render';
import { pdftotext, pdffonts } from './fixture';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'giot-hong-render-'));

describe('PDF engine', () => {
  it('writes decomposed (NFD) input as NFC text in embedded Tinos', async () => {
    const nfd = 'Nguyễn Thị Hồng Vân - Hoà Bình - Thuỷ'.normalize('NFD');
    const pdf = await renderPdf({ content: [nfd, { text: 'Đậm', bold: true }, { text: 'Nghiêng', italics: true }, { text: 'Cả hai', bold: true, italics: true }] });
    const text = pdftotext(pdf, dir, 'nfd');
    expect(text).toContain('Nguyễn Thị Hồng Vân - Hoà Bình - Thuỷ'.normalize('NFC'));
    const fonts = pdffonts(pdf, dir);
    for (const face of ['Tinos', 'Tinos-Bold', 'Tinos-Italic', 'Tinos-BoldItalic']) expect(fonts).toMatch(new RegExp(`\\+${face}\\s+CID TrueType\\s+Identity-H\\s+yes yes yes`));
  });

  it('refuses local files and URLs (fonts and images only come from memory)', async () => {
    await expect(renderPdf({ content: [{ image: '/etc/hostname' }] })).rejects.toThrow(/local file/i);
    await expect(renderPdf({ content: [{ image: 'seal' }], images: { seal: 'https://example.invalid/seal.png' } })).rejects.toThrow(/denied|URL/i);
  });
});
