import type { Reader } from '../../db/data';
import { q } from '../../db/query';
import type { ServiceContext } from '../context';
import { appendAudit } from '../audit/audit-log';
import { getSetting, setSetting } from '../settings/settings';
import { AppError } from '../../../shared/errors/app-error';

/** Reserve donors ("hiến máu dự bị") are a list the office keeps: person ids in a setting. */
const KEY = 'donors.reserve';

export function getReserveSet(r: Reader): Set<number> {
  return new Set(getSetting<number[]>(r, KEY) ?? []);
}

export function setReserve(ctx: ServiceContext, args: { personId: number; reserve: boolean }): { reserve: boolean } {
  ctx.data.write((w) => {
    if (!w.get(q.selectFrom('people').select('id').where('id', '=', args.personId).where('deleted_at', 'is', null))) {
      throw new AppError('PERSON_NOT_FOUND', 'Không tìm thấy người này (có thể đã bị xoá). Hãy tải lại danh sách.');
    }
    const set = getReserveSet(w);
    if (args.reserve) set.add(args.personId);
    else set.delete(args.personId);
    setSetting(w, KEY, [...set]);
    appendAudit(w, { action: args.reserve ? 'donor.reserve.add' : 'donor.reserve.remove', entity: 'person', entityId: args.personId });
  });
  return { reserve: args.reserve };
}
