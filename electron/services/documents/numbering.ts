import type { ServiceContext } from '../context';
import { inTransaction } from '../context';
import { appendAudit } from '../audit/audit-log';
import { documentNumberText, NUMBERED_DOC_TYPES, type NumberedDocType } from '../../../shared/domain/documents/numbering';

/** The number the next document of this type gets in that year (numbers restart at 01 each year). */
export async function peekNextNumber(ctx: ServiceContext, docType: NumberedDocType, year: number): Promise<number> {
  const r = await ctx.db
    .selectFrom('issued_documents')
    .select((eb) => eb.fn.max('number').as('max'))
    .where('doc_type', '=', docType)
    .where('year', '=', year)
    .executeTakeFirst();
  return (Number(r?.max) || 0) + 1;
}

export interface IssuedNumber {
  id: number;
  number: number;
  numberText: string;
}

/** Takes the next number and records the document in issued_documents (one transaction). */
export async function issueNumber(
  ctx: ServiceContext,
  args: { docType: NumberedDocType; issuedOn: string; suffix: string; campaignId: number | null; title: string },
): Promise<IssuedNumber> {
  const year = Number(args.issuedOn.slice(0, 4));
  return inTransaction(ctx, async (tx) => {
    const number = await peekNextNumber(tx, args.docType, year);
    const numberText = documentNumberText(number, NUMBERED_DOC_TYPES[args.docType].abbr, args.suffix);
    const row = await tx.db
      .insertInto('issued_documents')
      .values({
        doc_type: args.docType, year, number, number_text: numberText, issued_on: args.issuedOn, campaign_id: args.campaignId,
        title: args.title.normalize('NFC'), created_at: tx.now().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    appendAudit(tx.sqlite, { action: 'documents.issue', entity: 'issued_document', entityId: row.id, detail: `Cấp số ${numberText}` });
    return { id: row.id, number, numberText };
  });
}

export async function listIssued(ctx: ServiceContext, year?: number) {
  let q = ctx.db.selectFrom('issued_documents').selectAll().orderBy('year', 'desc').orderBy('doc_type').orderBy('number', 'desc');
  if (year !== undefined) q = q.where('year', '=', year);
  return (await q.execute()).map((r) => ({ id: r.id, docType: r.doc_type, year: r.year, number: r.number, numberText: r.number_text, issuedOn: r.issued_on, title: r.title }));
}
