import { NAME_NEAR, NAME_SAME, type PairScore } from './score-pair';

/** What the rest of the campaign says about a pair that the two rows alone cannot. */
export interface AutoMergeContext {
  /** No third person of the campaign has the same folded name and birth year. */
  nameYearUnique: boolean;
}

function nameWords(s: PairScore): string {
  if (s.fields.fullName === 'same') return 'cùng họ tên';
  if (s.nameSimilarity >= NAME_SAME) return 'họ tên chỉ khác dấu hoặc cách viết';
  return 'họ tên khác một chữ';
}

/**
 * The rule that decides a pair is one person without asking the clerk, in the words shown to them;
 * null when the data does not decide it. Decided: the same ID number with a compatible name or the
 * same birth date; the same phone with the same (or near) name and a birth date or year that agree;
 * the same name and full birth date with no ID or phone against it, when nobody else of the campaign
 * has that name and year. Never: two different ID numbers, another birth year or sex, a phone shared
 * by different names (a family) — those stay with the clerk.
 */
export function autoMergeRule(s: PairScore, ctx: AutoMergeContext): string | null {
  const f = s.fields;
  if (s.conflicts.length || f.nationalId === 'different' || f.gender === 'different' || f.birthDate === 'different') return null;
  const date = f.birthDate === 'same' ? 'cùng ngày sinh' : f.birthDate === 'similar' ? 'cùng năm sinh' : null;
  if (f.nationalId === 'same') {
    if (s.nameSimilarity >= NAME_NEAR) return ['cùng số CCCD/CMND', nameWords(s), date].filter(Boolean).join(', ');
    if (f.birthDate === 'same' && s.nameSimilarity >= 0.6) return 'cùng số CCCD/CMND, cùng ngày sinh, tên gần giống';
    return null;
  }
  if (f.phone === 'same' && s.nameSimilarity >= NAME_NEAR && (f.birthDate === 'same' || f.birthDate === 'similar')) {
    return `cùng số điện thoại, ${nameWords(s)}, ${date}`;
  }
  if (f.birthDate === 'same' && s.nameSimilarity >= NAME_SAME && f.phone !== 'different' && f.nationalId === 'unknown' && ctx.nameYearUnique) {
    return `${nameWords(s)}, cùng ngày sinh, không ai khác trong đợt cùng họ tên và năm sinh`;
  }
  return null;
}
