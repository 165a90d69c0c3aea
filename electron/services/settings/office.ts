import type { ServiceContext } from '../context';
import type { OfficeProfile } from '../../../shared/ipc/channels/app';
import { getSetting, setSetting } from './settings';
import { appendAudit } from '../audit/audit-log';

const KEY = 'office';

export function getOffice(ctx: ServiceContext): Promise<OfficeProfile | null> {
  return getSetting<OfficeProfile>(ctx.db, KEY);
}

export async function saveOffice(ctx: ServiceContext, profile: OfficeProfile): Promise<OfficeProfile> {
  await setSetting(ctx.db, KEY, profile);
  appendAudit(ctx.sqlite, { action: 'settings.office', detail: 'Cập nhật thông tin cơ quan' });
  return profile;
}
