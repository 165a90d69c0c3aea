import type { DocContext } from './common';

/** "Kết quả tổ chức ngày hội hiến máu … năm 2026". */
export function reportSubject(dc: Pick<DocContext, 'campaign' | 'values'>): string {
  return `Kết quả tổ chức ${String(dc.values.ten_dot_nam ?? dc.campaign.name)}`;
}

/** "Tham gia ngày hội hiến máu … năm 2026". */
export function invitationSubject(dc: Pick<DocContext, 'campaign' | 'values'>): string {
  return `Tham gia ${String(dc.values.ten_dot_nam ?? dc.campaign.name)}`;
}
