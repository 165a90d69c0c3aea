import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import type { ServiceContext } from '../context';
import type { JobControl } from '../jobs/job-runner';
import { AppError } from '../../../shared/errors/app-error';
import { foldVietnamese } from '../../../shared/domain/text';
import { DOCUMENT_TYPES, generateOptionsSchema, type GenerateOptions, type GeneratedDocument } from '../../../shared/ipc/channels/documents';
import { documentNumberLine, isNumberedDocType, NUMBERED_DOC_TYPES, type NumberedDocType } from '../../../shared/domain/documents/numbering';
import { appendAudit } from '../audit/audit-log';
import { updateCampaign } from '../campaigns/campaigns';
import { loadDocContext, type DocContext } from './common';
import { renderPdf } from './pdf/render';
import { issueNumber, issueGivenNumber, findIssued, releaseNumber, type IssuedNumber } from './numbering';
import { buildPlan, defaultPlanSubject } from './plan';
import { buildResultReport } from './result-report';
import { buildInvitations } from './invitations';
import { buildSignatureList } from './signature-list';
import { buildCertificates, buildCalibrationPage } from './certificates';
import { buildHonourCertificates } from './honour-certificates';
import { buildHonourList } from './honour-list';
import { buildUnitListsPdf, buildUnitListsXlsx, loadListSpec } from './unit-lists';
import { getCertificateLayout } from './certificate-layout';
import { planSerials, recordSerials, releaseSerials, serialsOfDonations, voidedSerialId } from './serials';
import { donatedInCampaign } from './data/donors';
import { milestonesReached } from './data/milestones';

const NUMBERED: Partial<Record<string, NumberedDocType>> = { plan: 'plan', 'result-report': 'result-report', invitations: 'invitation' };

export function countPdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

function fileName(type: string, campaignName: string, ext: string): string {
  const slug = (s: string) => foldVietnamese(s).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
  return `${slug(DOCUMENT_TYPES[type as keyof typeof DOCUMENT_TYPES])}-${slug(campaignName)}.${ext}`;
}

interface Built {
  doc?: TDocumentDefinitions;
  xlsx?: Buffer;
  warnings?: string[];
  serials?: string[];
  /** Gives back what the print took (serials) when rendering fails. */
  giveBack?: (reason: string) => void;
}

async function buildUnnumbered(dc: DocContext): Promise<Built> {
  const { ctx, opts } = dc;
  switch (opts.type) {
    case 'signature-list': {
      const r = await buildSignatureList(dc);
      return { doc: r.doc, warnings: r.warnings };
    }
    case 'certificates': {
      const layout = await getCertificateLayout(ctx, opts.printerName);
      let donors = await donatedInCampaign(ctx, dc.campaign.id);
      if (opts.donationIds) {
        const want = new Set(opts.donationIds);
        donors = donors.filter((d) => want.has(d.donationId));
      }
      if (opts.reissueOf && donors.length !== 1) throw new AppError('VALIDATION', 'Cấp lại giấy chứng nhận cho đúng một lần hiến máu. Hãy chọn một người.');
      const warnings: string[] = [];
      let serials: string[] = [];
      let giveBack: Built['giveBack'];
      if (opts.startSerial && opts.issue) {
        // One donation has one serial: donations that already have one (given at the desk or printed
        // before) get no second form; a reprint goes through "cấp lại" after voiding the old serial.
        // The serials are taken in one short transaction before rendering and given back if it fails.
        const taken = ctx.data.write((w) => {
          if (opts.reissueOf) voidedSerialId(w, opts.reissueOf);
          const had = serialsOfDonations(w, donors.map((d) => d.donationId));
          const todo = donors.filter((d) => !had.has(d.donationId));
          const planned = planSerials(w, opts.startSerial!, todo.length);
          const items = todo.map((d, i) => ({ serial: planned[i], personId: d.personId, donationId: d.donationId }));
          if (items.length) recordSerials(w, { campaignId: dc.campaign.id, issuedOn: dc.issuedOn, items, reissueOf: opts.reissueOf });
          return { had, todo, planned };
        });
        if (taken.had.size) {
          const shown = donors.filter((d) => taken.had.has(d.donationId)).slice(0, 3).map((d) => `${d.fullName} (${taken.had.get(d.donationId)})`);
          const msg = `${taken.had.size} lần hiến máu đã có giấy chứng nhận nên không in lại: ${shown.join(', ')}${taken.had.size > 3 ? '…' : ''}. Muốn in lại thì huỷ số phôi cũ rồi cấp lại.`;
          if (!taken.todo.length) throw new AppError('SERIAL_EXISTS', msg);
          warnings.push(msg);
        }
        donors = taken.todo;
        serials = taken.planned;
        giveBack = (reason) => ctx.data.write((w) => releaseSerials(w, { campaignId: dc.campaign.id, serials, reason }));
      } else warnings.push('Bản in thử: số phôi chưa được ghi sổ (hãy nhập số phôi đầu tiên và chọn "Cấp số").');
      if (!donors.length) warnings.push('Đợt này chưa có ai được ghi nhận đã hiến máu nên chưa có giấy chứng nhận nào để in.');
      try {
        return { doc: buildCertificates(dc, donors, layout), warnings, serials, giveBack };
      } catch (e) {
        giveBack?.(e instanceof AppError ? e.message : 'lỗi khi tạo tệp'); // cancelled while laying out
        throw e;
      }
    }
    case 'calibration':
      return { doc: buildCalibrationPage(await getCertificateLayout(ctx, opts.printerName), opts.printerName) };
    case 'honour-certificates':
      return { doc: buildHonourCertificates(dc, await milestonesReached(ctx, { asOf: opts.issuedOn })) };
    case 'honour-list':
      return { doc: buildHonourList(dc, await milestonesReached(ctx, { asOf: opts.issuedOn })) };
    case 'unit-registrants':
    case 'eligible-donors': {
      const spec = await loadListSpec(dc);
      return opts.format === 'xlsx' ? { xlsx: await buildUnitListsXlsx(dc, spec) } : { doc: buildUnitListsPdf(dc, spec) };
    }
    default:
      throw new AppError('VALIDATION', 'Loại văn bản này chưa được hỗ trợ.');
  }
}

async function buildNumbered(dc: DocContext, numberLine: string, numberText: string | null): Promise<Built> {
  switch (dc.opts.type) {
    case 'plan':
      return { doc: await buildPlan(dc, numberLine, numberText) };
    case 'result-report':
      return { doc: await buildResultReport(dc, numberLine, numberText) };
    default: {
      const r = await buildInvitations(dc, numberLine, numberText);
      return { doc: r.doc };
    }
  }
}

/** Builds one document; numbered types get their number (and a record) only when `issue` is set. */
export async function generateDocument(ctx: ServiceContext, input: GenerateOptions, ctl?: JobControl): Promise<GeneratedDocument> {
  const opts = generateOptionsSchema.parse(input);
  const progress = (f: number, m: string) => {
    ctl?.checkCancelled();
    ctl?.report(f, m);
  };
  const dc = await loadDocContext(ctx, opts, progress);
  const numbered = NUMBERED[opts.type];
  const render = async (built: Built) => {
    progress(0.5, 'Đang tạo tệp');
    if (built.xlsx) return { data: built.xlsx, mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ext: 'xlsx', pages: 0 };
    const pdf = await renderPdf(built.doc!);
    return { data: pdf, mime: 'application/pdf', ext: 'pdf', pages: countPdfPages(pdf) };
  };
  let numberText: string | null = null;
  let built: Built;
  let out: Awaited<ReturnType<typeof render>>;
  if (numbered && isNumberedDocType(numbered)) {
    const abbr = NUMBERED_DOC_TYPES[numbered].abbr;
    if (opts.issue) {
      // Issue 10, item 4: the number is taken in one short transaction, the document is built and
      // rendered outside any transaction (other writes and the progress poll go on meanwhile), and a
      // failed render gives the number back.
      const title = opts.type === 'plan' ? (opts.subject ?? defaultPlanSubject(dc)) : `${DOCUMENT_TYPES[opts.type]} - ${dc.campaign.name}`;
      const { n, given } = ctx.data.write((w) => {
        // The campaign's own plan number ("15/KH-HCTĐ", given by the clerk) is used once, as given; later issues take the next number.
        const given = opts.type === 'plan' && dc.campaign.planNumber?.trim() && !findIssued(w, 'plan', dc.campaign.planNumber) ? dc.campaign.planNumber.trim() : null;
        const createdAt = ctx.now().toISOString();
        const n: IssuedNumber = given
          ? issueGivenNumber(w, { docType: numbered, numberText: given, issuedOn: dc.issuedOn, campaignId: dc.campaign.id, title, createdAt })
          : issueNumber(w, { docType: numbered, issuedOn: dc.issuedOn, suffix: dc.office.docSuffix, campaignId: dc.campaign.id, title, createdAt });
        return { n, given };
      });
      numberText = n.numberText;
      try {
        const line = given ? `Số: ${given}` : documentNumberLine(n.number, abbr, dc.office.docSuffix);
        built = await buildNumbered({ ...dc, campaign: { ...dc.campaign, planNumber: opts.type === 'plan' ? n.numberText : dc.campaign.planNumber } }, line, n.numberText);
        out = await render(built);
      } catch (e) {
        ctx.data.write((w) => releaseNumber(w, n, e instanceof AppError ? e.message : 'lỗi khi tạo tệp'));
        throw e;
      }
      // The campaign remembers its plan's number (lists and reports refer to it).
      if (opts.type === 'plan' && !given) await updateCampaign(ctx, { id: dc.campaign.id, planNumber: n.numberText });
    } else {
      // A draft keeps the number blank for the records clerk, with the code the number will carry.
      const givenCode = opts.type === 'plan' ? (dc.campaign.planNumber ?? '').match(/^\s*\d+\s*\/\s*(\S.*)$/)?.[1] : undefined;
      built = await buildNumbered(dc, givenCode ? `Số:      /${givenCode.trim()}` : documentNumberLine(null, abbr, dc.office.docSuffix), null);
      out = await render(built);
    }
  } else {
    built = await buildUnnumbered(dc);
    try {
      out = await render(built);
    } catch (e) {
      built.giveBack?.(e instanceof AppError ? e.message : 'lỗi khi tạo tệp');
      throw e;
    }
  }
  if (opts.issue) ctx.data.write((w) => appendAudit(w, { action: 'documents.print', entity: 'campaign', entityId: dc.campaign.id, detail: `In ${DOCUMENT_TYPES[opts.type]}` }));
  progress(1, 'Xong');
  return {
    file: { name: fileName(opts.type, dc.campaign.name, out.ext), mime: out.mime, dataBase64: out.data.toString('base64') },
    pages: out.pages,
    numberText,
    serials: built.serials ?? [],
    warnings: built.warnings ?? [],
  };
}

/** The same as a job (progress, cancel) for the screen. */
export function startGenerateJob(ctx: ServiceContext, input: GenerateOptions): { jobId: string } {
  const opts = generateOptionsSchema.parse(input);
  const jobId = ctx.jobs.start('documents:generate', `Đang tạo ${DOCUMENT_TYPES[opts.type]}`, (ctl) => generateDocument(ctx, opts, ctl));
  return { jobId };
}
