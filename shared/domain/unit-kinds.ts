import { foldVietnamese } from './text';

/** Kinds of unit an office works with; labels as the clerk reads them. */
export const UNIT_KINDS = {
  commune: 'Xã/Phường',
  village: 'Thôn/Khối/Tổ dân phố',
  agency: 'Cơ quan, phòng, ban',
  mass_org: 'Tổ chức đoàn thể',
  armed: 'Lực lượng vũ trang',
  school: 'Trường học',
  health: 'Cơ sở y tế',
  enterprise: 'Doanh nghiệp',
  other: 'Khác',
} as const;
export type UnitKind = keyof typeof UNIT_KINDS;
export const unitKindValues = Object.keys(UNIT_KINDS) as [UnitKind, ...UnitKind[]];

/** The kind a unit most likely is, from a kind label or from its name ("Xã Mai Pha", "Trường THPT …"). */
export function guessUnitKind(text: string): UnitKind {
  const t = foldVietnamese(text);
  for (const [k, label] of Object.entries(UNIT_KINDS)) if (foldVietnamese(label) === t || k === t) return k as UnitKind;
  if (/^(xa|phuong|thi tran)\b/.test(t)) return 'commune';
  if (/^(thon|khoi|to dan pho|ban|bon)\b/.test(t)) return 'village';
  if (/truong|thpt|thcs|tieu hoc|mam non/.test(t)) return 'school';
  if (/doan|hoi|lien doan|mat tran/.test(t)) return 'mass_org';
  if (/cong an|quan su|bo doi|bien phong/.test(t)) return 'armed';
  if (/benh vien|trung tam y te|tram y te|ttyt/.test(t)) return 'health';
  if (/cong ty|doanh nghiep|htx/.test(t)) return 'enterprise';
  if (/phong|ban|so|uy ban|ubnd|co quan/.test(t)) return 'agency';
  return 'other';
}
