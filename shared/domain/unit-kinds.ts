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
