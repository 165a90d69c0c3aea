import type { ServiceContext } from '../context';
import type { DocumentType } from '../../../shared/ipc/channels/documents';
import { DOCUMENT_TYPES } from '../../../shared/ipc/channels/documents';
import { PLACEHOLDER_HELP } from '../../../shared/domain/documents/default-templates';
import { documentNumberText, NUMBERED_DOC_TYPES } from '../../../shared/domain/documents/numbering';
import { getTemplates } from './templates';
import { loadDocContext, todayIso } from './common';
import { defaultPlanSubject } from './plan';
import { peekNextNumber, findIssued } from './numbering';
import { reportSubject, invitationSubject } from './subjects';

/** The editable parts of a document as they would print now, for the screen to show and change. */
export async function documentDefaults(ctx: ServiceContext, campaignId: number, type: DocumentType) {
  const t = await getTemplates(ctx);
  const dc = await loadDocContext(ctx, { campaignId, type, issue: false, invitationMode: 'unit', format: 'pdf', printerName: 'Mặc định' }, () => {});
  const numbered = type === 'plan' ? 'plan' : type === 'result-report' ? 'result-report' : type === 'invitations' ? 'invitation' : null;
  const year = Number(todayIso(ctx).slice(0, 4));
  const given = numbered === 'plan' && dc.campaign.planNumber?.trim() && !findIssued(ctx.data.read, 'plan', dc.campaign.planNumber) ? dc.campaign.planNumber.trim() : null;
  const nextNumberText = given ?? (numbered ? documentNumberText(peekNextNumber(ctx.data.read, numbered, year), NUMBERED_DOC_TYPES[numbered].abbr, dc.office.docSuffix) : null);
  const byType = {
    plan: { subject: defaultPlanSubject(dc), intro: t.planIntro, body: t.planBody, recipients: t.planRecipients },
    'result-report': { subject: reportSubject(dc), intro: '', body: t.reportNarrative, recipients: t.reportRecipients },
    invitations: { subject: invitationSubject(dc), intro: '', body: t.invitationBody, recipients: [] as string[] },
  } as Record<string, { subject: string; intro: string; body: string; recipients: string[] }>;
  const d = byType[type] ?? { subject: DOCUMENT_TYPES[type], intro: '', body: '', recipients: [] };
  return { ...d, signer: dc.signer, nextNumberText, placeholders: PLACEHOLDER_HELP };
}
