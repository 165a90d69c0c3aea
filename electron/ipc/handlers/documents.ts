import type { HandlerMap } from '../handler-types';
import { getTemplates, saveTemplates } from '../../services/documents/templates';
import { documentDefaults } from '../../services/documents/defaults';
import { startGenerateJob } from '../../services/documents/generate';
import { getCertificateLayout, listPrinters, saveCertificateLayout } from '../../services/documents/certificate-layout';
import { listSerials, voidSerial } from '../../services/documents/serials';
import { listIssued } from '../../services/documents/numbering';

type DocumentChannels =
  | 'documents:templates' | 'documents:saveTemplates' | 'documents:defaults' | 'documents:generate' | 'documents:printers'
  | 'documents:certificateLayout' | 'documents:saveCertificateLayout' | 'documents:serials' | 'documents:voidSerial' | 'documents:issued';

export const documentsHandlers: HandlerMap<DocumentChannels> = {
  'documents:templates': (ctx) => getTemplates(ctx),
  'documents:saveTemplates': (ctx, args) => saveTemplates(ctx, args),
  'documents:defaults': (ctx, { campaignId, type }) => documentDefaults(ctx, campaignId, type),
  'documents:generate': (ctx, args) => startGenerateJob(ctx, args),
  'documents:printers': (ctx) => listPrinters(ctx),
  'documents:certificateLayout': (ctx, { printerName }) => getCertificateLayout(ctx, printerName),
  'documents:saveCertificateLayout': (ctx, { printerName, layout }) => saveCertificateLayout(ctx, printerName, layout),
  'documents:serials': (ctx, { campaignId }) => listSerials(ctx, campaignId),
  'documents:voidSerial': (ctx, { serial, reason }) => voidSerial(ctx, serial, reason),
  'documents:issued': (ctx, { year }) => listIssued(ctx, year),
};
