import type { Candidate, DuplicatePerson, MergeField } from '../../../shared/ipc/channels/duplicates';
import { formatDate } from '../../components/format';

/** The rows of the side-by-side comparison, with the verdict key of the pair when it has one. */
export const COMPARED: { field: MergeField; label: string; verdict?: keyof Candidate['fields']; show(p: DuplicatePerson): string }[] = [
  { field: 'fullName', label: 'Họ và tên', verdict: 'fullName', show: (p) => p.fullName },
  { field: 'gender', label: 'Giới tính', verdict: 'gender', show: (p) => (p.gender === 'M' ? 'Nam' : p.gender === 'F' ? 'Nữ' : '') },
  { field: 'birthDate', label: 'Ngày sinh', verdict: 'birthDate', show: (p) => formatDate(p.birthDate) },
  { field: 'nationalId', label: 'Số CCCD/CMND', verdict: 'nationalId', show: (p) => p.nationalId ?? '' },
  { field: 'phone', label: 'Điện thoại', verdict: 'phone', show: (p) => p.phone ?? '' },
  { field: 'bloodGroup', label: 'Nhóm máu', show: (p) => p.bloodGroup ?? '' },
  { field: 'address', label: 'Địa chỉ', show: (p) => p.address ?? '' },
  { field: 'workplace', label: 'Đơn vị công tác', show: (p) => p.workplace ?? '' },
];

export function verdictClass(v: string | undefined): string {
  if (v === 'same' || v === 'similar') return 'agree';
  if (v === 'different') return 'disagree';
  return '';
}

export function scoreText(score: number): string {
  return `${Math.round(score * 100)} điểm`;
}

export function sourceText(r: DuplicatePerson['registrations'][number]): string {
  const src = [r.file, r.sheet ? `trang ${r.sheet}` : null, r.row ? `dòng ${r.row}` : null].filter(Boolean).join(', ');
  return `${r.unitName ?? 'Chưa rõ đơn vị'} — ${src || 'không rõ nguồn'}${r.inCampaign ? '' : ` (đợt “${r.campaignName}”)`}`;
}
