// Worker-thread entry (bundled as out/pdf-worker.js): renders document definitions to PDF bytes.
import { parentPort, workerData } from 'node:worker_threads';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { renderInline } from './render-core';
import { pageNumberHeader } from './page';
import { isAppError } from '../../../../shared/errors/app-error';

// Fonts are read lazily on the first document, from the folder the main thread found.
const data = workerData as { fontsDir?: string } | null;
if (data?.fontsDir) process.env.GIOT_HONG_FONTS = data.fontsDir;

parentPort?.on('message', async (m: { id: number; doc: TDocumentDefinitions; pageNumbers: boolean }) => {
  try {
    const doc = m.pageNumbers ? { ...m.doc, header: pageNumberHeader } : m.doc;
    const pdf = await renderInline(doc);
    const bytes = new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    parentPort!.postMessage({ id: m.id, pdf: bytes });
  } catch (e) {
    // The clerk's messages (AppError) cross whole; other messages may echo document text, so only the class does.
    if (isAppError(e)) parentPort!.postMessage({ id: m.id, code: e.code, error: e.message });
    else parentPort!.postMessage({ id: m.id, error: e instanceof Error ? `${e.name}: PDF rendering failed` : 'PDF rendering failed' });
  }
});
