import type { ServiceContext } from '../context';
import { getSetting, setSetting } from '../settings/settings';
import { appendAudit } from '../audit/audit-log';
import { documentTemplatesSchema, type DocumentTemplates } from '../../../shared/ipc/channels/documents';
import {
  DEFAULT_INVITATION_BODY, DEFAULT_PLAN_BODY, DEFAULT_PLAN_INTRO, DEFAULT_PLAN_RECIPIENTS, DEFAULT_REPORT_NARRATIVE, DEFAULT_REPORT_RECIPIENTS,
} from '../../../shared/domain/documents/default-templates';

const KEY = 'documents.templates';

export const DEFAULT_TEMPLATES: DocumentTemplates = {
  planIntro: DEFAULT_PLAN_INTRO,
  planBody: DEFAULT_PLAN_BODY,
  planRecipients: DEFAULT_PLAN_RECIPIENTS,
  reportNarrative: DEFAULT_REPORT_NARRATIVE,
  reportRecipients: DEFAULT_REPORT_RECIPIENTS,
  invitationBody: DEFAULT_INVITATION_BODY,
};

/** The clerk's edited texts over the defaults. */
export async function getTemplates(ctx: ServiceContext): Promise<DocumentTemplates> {
  const saved = getSetting<Partial<DocumentTemplates>>(ctx.data.read, KEY);
  return { ...DEFAULT_TEMPLATES, ...(saved ?? {}) };
}

export async function saveTemplates(ctx: ServiceContext, input: DocumentTemplates): Promise<DocumentTemplates> {
  const v = documentTemplatesSchema.parse(input);
  const nfcd: DocumentTemplates = {
    planIntro: v.planIntro.normalize('NFC'),
    planBody: v.planBody.normalize('NFC'),
    planRecipients: v.planRecipients.map((r) => r.normalize('NFC')),
    reportNarrative: v.reportNarrative.normalize('NFC'),
    reportRecipients: v.reportRecipients.map((r) => r.normalize('NFC')),
    invitationBody: v.invitationBody.normalize('NFC'),
  };
  ctx.data.write((w) => {
    setSetting(w, KEY, nfcd);
    appendAudit(w, { action: 'documents.templates', detail: 'Cập nhật mẫu văn bản' });
  });
  return nfcd;
}
