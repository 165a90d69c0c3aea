import { AppError } from '../../../shared/errors/app-error';
import { capitalizeWords, collapseSpaces, nfc } from '../../../shared/domain/text';
import { idKey, phoneKey } from '../../../shared/domain/people/identity';
import { updatePerson, type PersonFields } from '../people/write-person';
import { personCorrectionSchema, type PersonCorrection, type PersonSummary } from '../../../shared/ipc/channels/privacy';
import type { ServiceContext } from '../context';
import { q } from '../../db/query';
import { appendAudit } from '../audit/audit-log';
import { getPersonSummary } from './people-lookup';

const FIELD: Record<string, string> = {
  fullName: 'full_name', gender: 'gender', birthDate: 'birth_date', nationalId: 'national_id', phone: 'phone',
  address: 'address', workplace: 'workplace', bloodGroup: 'blood_group', note: 'note',
};
const LABEL: Record<string, string> = {
  fullName: 'họ tên', gender: 'giới tính', birthDate: 'ngày sinh', nationalId: 'số CCCD/CMND', phone: 'số điện thoại',
  address: 'địa chỉ', workplace: 'đơn vị công tác', bloodGroup: 'nhóm máu', note: 'ghi chú',
};

/**
 * Corrects a person's data on their request. The audit log records WHICH fields changed, never the
 * values (no ID numbers, phones or names in clear in the log).
 */
export async function correctPerson(ctx: ServiceContext, input: PersonCorrection): Promise<PersonSummary> {
  const v = personCorrectionSchema.parse(input);
  return ctx.data.write((w) => {
    const before = w.get(q.selectFrom('people').selectAll().where('id', '=', v.id));
    if (!before) throw new AppError('PERSON_NOT_FOUND', 'Không tìm thấy người này (có thể đã bị xoá). Hãy tìm lại.');
    if (before.deleted_at) throw new AppError('PERSON_ANONYMISED', 'Người này đã được ẩn danh theo yêu cầu; không thể sửa thông tin.');
    const patch: Record<string, unknown> = {};
    const changed: string[] = [];
    for (const [key, column] of Object.entries(FIELD)) {
      const raw = (v as Record<string, unknown>)[key];
      if (raw === undefined) continue;
      let value = typeof raw === 'string' ? nfc(collapseSpaces(raw)) || null : raw;
      if (key === 'fullName' && typeof value === 'string') value = capitalizeWords(value);
      // the importer's normaliser: a CCCD that lost its zeros or a phone written +84… is stored as lists store it
      if (key === 'nationalId' && typeof value === 'string') value = idKey(value) ?? (value.replace(/\D/g, '') || null);
      if (key === 'phone' && typeof value === 'string') value = phoneKey(value) ?? (value.replace(/\D/g, '') || null);
      if (key === 'birthDate' && typeof value === 'string' && !/^\d{4}(-\d{2}-\d{2})?$/.test(value)) {
        throw new AppError('VALIDATION', 'Ngày sinh cần có dạng năm-tháng-ngày (ví dụ 1990-05-17) hoặc chỉ năm sinh (1990).');
      }
      if ((before as Record<string, unknown>)[column] === value) continue;
      patch[column] = value;
      changed.push(LABEL[key]);
    }
    if (changed.length > 0) {
      updatePerson(w, v.id, patch as Partial<PersonFields>, ctx.now().toISOString());
      appendAudit(w, { action: 'person.correct', entity: 'person', entityId: v.id, detail: `Sửa theo yêu cầu: ${changed.join(', ')}` }, ctx.now().toISOString());
    }
    return getPersonSummary(w, v.id);
  });
}
