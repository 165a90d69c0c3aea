import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { renderInline } from './render-core';
import { fontsDir } from './fonts';
import { pageNumberHeader } from './page';
import { logError } from '../../../log';
import { AppError } from '../../../../shared/errors/app-error';

/**
 * Renders a PDF. pdfmake lays out a whole document synchronously (seconds for 1,000 pages), so
 * when the built worker (out/pdf-worker.js) is present the work runs in a worker thread and the
 * main process keeps answering the screen; otherwise (tests, CLI from sources) it runs here.
 */
export async function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  const file = workerFile();
  if (!file) return renderInline(doc);
  // Functions cannot cross to a worker: the only one used is the ND30 page-number header.
  const { header, ...rest } = doc;
  if (header !== undefined && header !== pageNumberHeader) return renderInline(doc);
  try {
    return await renderInWorker(file, rest, header === pageNumberHeader);
  } catch (e) {
    if (e instanceof WorkerUnavailable) {
      logError('documents.renderWorker', e);
      disabled = true;
      return renderInline(doc);
    }
    throw e;
  }
}

class WorkerUnavailable extends Error {}

let disabled = false;
let worker: Worker | null = null;
let seq = 0;
const pending = new Map<number, { resolve(b: Buffer): void; reject(e: Error): void }>();

function workerFile(): string | null {
  if (disabled) return null;
  const candidates = [process.env.GIOT_HONG_PDF_WORKER, path.join(__dirname, 'pdf-worker.js')].filter(Boolean) as string[];
  return candidates.find((f) => fs.existsSync(f)) ?? null;
}

function getWorker(file: string): Worker {
  if (worker) return worker;
  const w = new Worker(file, { workerData: { fontsDir: fontsDir() } });
  w.unref(); // never keeps the CLI or tests alive
  w.on('message', (m: { id: number; pdf?: Uint8Array; error?: string; code?: string }) => {
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (m.pdf) p.resolve(Buffer.from(m.pdf.buffer, m.pdf.byteOffset, m.pdf.byteLength));
    else p.reject(m.code ? new AppError(m.code, m.error ?? '') : new Error(m.error ?? 'PDF worker failed'));
  });
  const fail = (e: Error) => {
    worker = null;
    for (const [, p] of pending) p.reject(new WorkerUnavailable(e.message));
    pending.clear();
  };
  w.on('error', fail);
  w.on('exit', (code) => code !== 0 && fail(new Error(`PDF worker exited ${code}`)));
  worker = w;
  return w;
}

function renderInWorker(file: string, doc: TDocumentDefinitions, pageNumbers: boolean): Promise<Buffer> {
  const w = getWorker(file);
  const id = ++seq;
  return new Promise<Buffer>((resolve, reject) => {
    w.ref(); // stay alive while a document is being made
    const done = () => pending.size === 0 && w.unref();
    pending.set(id, { resolve: (b) => (resolve(b), done()), reject: (e) => (reject(e), done()) });
    w.postMessage({ id, doc, pageNumbers });
  });
}
