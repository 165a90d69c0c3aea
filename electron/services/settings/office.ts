import type { ServiceContext } from '../context';
import { officeProfileSchema, type OfficeProfile } from '../../../shared/ipc/channels/app';
import type { z } from 'zod';
import { getSetting, setSetting } from './settings';
import { appendAudit } from '../audit/audit-log';

const KEY = 'office';

/** What a caller may give: fields added later (standingBody…) take their defaults. */
export type OfficeProfileInput = z.input<typeof officeProfileSchema>;

/** The saved profile, completed with the defaults of fields added since it was saved. */
export async function getOffice(ctx: ServiceContext): Promise<OfficeProfile | null> {
  const saved = getSetting<OfficeProfileInput>(ctx.data.read, KEY);
  if (!saved) return null;
  const parsed = officeProfileSchema.safeParse(saved);
  return parsed.success ? parsed.data : ({ standingBody: '', docSuffix: 'BCĐ', ...saved } as OfficeProfile);
}

export async function saveOffice(ctx: ServiceContext, input: OfficeProfileInput): Promise<OfficeProfile> {
  const profile = officeProfileSchema.parse(input);
  ctx.data.write((w) => {
    setSetting(w, KEY, profile);
    appendAudit(w, { action: 'settings.office', detail: 'Cập nhật thông tin cơ quan' });
  });
  return profile;
}
