import type { ServiceContext } from '../context';
import type { Reader, Writer } from '../../db/data';
import { q } from '../../db/query';
import { appendAudit } from '../audit/audit-log';
import { AppError } from '../../../shared/errors/app-error';
import { documentNumberText, NUMBERED_DOC_TYPES, type NumberedDocType } from '../../../shared/domain/documents/numbering';

/** The number the next document of this type gets in that year (numbers restart at 01 each year). */
export function peekNextNumber(r: Reader, docType: NumberedDocType, year: number): number {
  const max = r.value(
    q
      .selectFrom('issued_documents')
      .select((eb) => eb.fn.max('number').as('max'))
      .where('doc_type', '=', docType)
      .where('year', '=', year),
  );
  return (Number(max) || 0) + 1;
}

export interface IssuedNumber {
  id: number;
  number: number;
  numberText: string;
}

/** Takes the next number and records the document in issued_documents (in the writer's transaction). */
export function issueNumber(
  w: Writer,
  args: { docType: NumberedDocType; issuedOn: string; suffix: string; campaignId: number | null; title: string; createdAt: string },
): IssuedNumber {
  const year = Number(args.issuedOn.slice(0, 4));
  const number = peekNextNumber(w, args.docType, year);
  const numberText = documentNumberText(number, NUMBERED_DOC_TYPES[args.docType].abbr, args.suffix);
  const id = w.run(
    q.insertInto('issued_documents').values({
      doc_type: args.docType, year, number, number_text: numberText, issued_on: args.issuedOn, campaign_id: args.campaignId,
      title: args.title.normalize('NFC'), created_at: args.createdAt,
    }),
  ).lastInsertRowid;
  appendAudit(w, { action: 'documents.issue', entity: 'issued_document', entityId: id, detail: `Cấp số ${numberText}` });
  return { id, number, numberText };
}

export async function listIssued(ctx: ServiceContext, year?: number) {
  let sel = q.selectFrom('issued_documents').selectAll().orderBy('year', 'desc').orderBy('doc_type').orderBy('number', 'desc');
  if (year !== undefined) sel = sel.where('year', '=', year);
  return ctx.data.read.all(sel).map((r) => ({ id: r.id, docType: r.doc_type, year: r.year, number: r.number, numberText: r.number_text, issuedOn: r.issued_on, title: r.title }));
}

/** The issued record of a number text ("15/KH-HCTĐ"), if any. */
export function findIssued(r: Reader, docType: NumberedDocType, numberText: string) {
  return r.get(q.selectFrom('issued_documents').selectAll().where('doc_type', '=', docType).where('number_text', '=', numberText.normalize('NFC').trim()).orderBy('id', 'desc'));
}

/**
 * Records a number the clerk gave ("15/KH-HCTĐ", the campaign's own plan number) instead of taking the
 * next one; the register keeps counting from it. Refused when another document of the year has it.
 */
export function issueGivenNumber(
  w: Writer,
  args: { docType: NumberedDocType; numberText: string; issuedOn: string; campaignId: number | null; title: string; createdAt: string },
): IssuedNumber {
  const text = args.numberText.normalize('NFC').trim();
  const m = text.match(/^\s*(\d{1,6})/);
  if (!m) throw new AppError('VALIDATION', `Số văn bản "${text}" không bắt đầu bằng một số (ví dụ 15/KH-HCTĐ). Hãy sửa số kế hoạch của đợt.`);
  const number = Number(m[1]);
  const year = Number(args.issuedOn.slice(0, 4));
  const taken = w.get(q.selectFrom('issued_documents').select(['id', 'number_text']).where('doc_type', '=', args.docType).where('year', '=', year).where('number', '=', number));
  if (taken) throw new AppError('CONFLICT', `Số ${number} của loại văn bản này năm ${year} đã cấp cho văn bản "${taken.number_text}". Hãy sửa số kế hoạch của đợt hoặc để trống để lấy số tiếp theo.`);
  const id = w.run(
    q.insertInto('issued_documents').values({ doc_type: args.docType, year, number, number_text: text, issued_on: args.issuedOn, campaign_id: args.campaignId, title: args.title.normalize('NFC'), created_at: args.createdAt }),
  ).lastInsertRowid;
  appendAudit(w, { action: 'documents.issue', entity: 'issued_document', entityId: id, detail: `Cấp số ${text} (số của đợt)` });
  return { id, number, numberText: text };
}

/**
 * Gives back a number taken for a print that then failed (issue 10, item 4): the record goes, so the
 * next print of that type takes the same number (when no later one was taken meanwhile). The audit
 * log keeps both the issue and the return.
 */
export function releaseNumber(w: Writer, issued: IssuedNumber, reason: string): void {
  w.run(q.deleteFrom('issued_documents').where('id', '=', issued.id));
  appendAudit(w, { action: 'documents.unissue', entity: 'issued_document', entityId: issued.id, detail: `Trả lại số ${issued.numberText}: ${reason}`.slice(0, 300) });
}
