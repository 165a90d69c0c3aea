import { nameDetail, withinOneEdit } from './name-similarity';
import { cccdMismatches } from './national-id';
import type { PreparedRecord } from './record';

export type FieldVerdict = 'same' | 'similar' | 'different' | 'unknown';

export interface PairScore {
  /** 0..1; at or above the threshold a pair is proposed as the same person. */
  score: number;
  /** Vietnamese reasons, strongest first. */
  reasons: string[];
  fields: { fullName: FieldVerdict; gender: FieldVerdict; birthDate: FieldVerdict; nationalId: FieldVerdict; phone: FieldVerdict };
  nameSimilarity: number;
  /** Same ID number and (nearly) the same name: safe to merge in bulk after a summary. */
  obvious: boolean;
  /** Facts of one row that the other contradicts (another birth year or date, another sex, a CCCD that fits neither). */
  conflicts: string[];
}

/** Default score from which a pair is proposed (and counted in exports) as one person. */
export const DEFAULT_THRESHOLD = 0.8;
/** Below this a pair is not shown at all. */
export const MIN_SHOWN_SCORE = 0.3;

export const NAME_SAME = 0.94;
export const NAME_NEAR = 0.85;
const NAME_TYPO = 0.75;

function idLabel(p: PreparedRecord): string {
  return p.idKind === 'cmnd' ? 'CMND' : 'CCCD';
}

/** Compares two records; the reasons say why in words a clerk can check. */
export function scorePair(a: PreparedRecord, b: PreparedRecord): PairScore {
  const nd = nameDetail(a.name, b.name);
  const sim = nd.total;
  // every word present, each at worst one letter off (a typo even in a short given name)
  const allWordsClose = nd.given >= 0.7 && nd.family >= 0.7 && sim >= NAME_TYPO;
  const exactName = a.name.markedFull === b.name.markedFull;
  const nameV: FieldVerdict = exactName ? 'same' : sim >= NAME_NEAR ? 'similar' : 'different';
  const ra = a.rec;
  const rb = b.rec;

  // ID numbers: a CMND on one side and a CCCD on the other says nothing.
  let idV: FieldVerdict = 'unknown';
  if (ra.nationalId && rb.nationalId && a.idKind === b.idKind) idV = ra.nationalId === rb.nationalId ? 'same' : 'different';
  else if (ra.nationalId && rb.nationalId && ra.nationalId === rb.nationalId) idV = 'same';

  let birthV: FieldVerdict = 'unknown';
  if (a.year !== null && b.year !== null) {
    if (a.year !== b.year) birthV = 'different';
    else if (a.fullDate && b.fullDate) birthV = a.fullDate === b.fullDate ? 'same' : 'different';
    else birthV = 'similar'; // a year-only birth matches a full date of that year
  }
  const genderV: FieldVerdict = ra.gender && rb.gender ? (ra.gender === rb.gender ? 'same' : 'different') : 'unknown';
  const phoneV: FieldVerdict = ra.phone && rb.phone ? (ra.phone === rb.phone ? 'same' : 'different') : 'unknown';

  // A CCCD checked against the other row's sex and birth year (only when it agrees with its own row).
  const cccdConflict =
    (a.selfMismatch.length === 0 && cccdMismatches(ra.nationalId, rb.gender, b.year).length > 0) ||
    (b.selfMismatch.length === 0 && cccdMismatches(rb.nationalId, ra.gender, a.year).length > 0);

  const fields = { fullName: nameV, gender: genderV, birthDate: birthV, nationalId: idV, phone: phoneV };
  const reasons: string[] = [];
  const conflicts: string[] = [];
  if (birthV === 'different') conflicts.push(a.year !== b.year ? 'khác năm sinh' : 'khác ngày sinh');
  if (genderV === 'different') conflicts.push('khác giới tính');
  if (cccdConflict && idV !== 'same') conflicts.push('số CCCD không khớp giới tính/năm sinh của dòng kia');

  const nameWords = exactName ? 'cùng họ tên' : sim >= NAME_SAME ? 'họ tên gần như trùng (khác dấu hoặc cách viết)' : 'tên gần giống';
  let score: number;
  if (idV === 'same') {
    const label = idLabel(a);
    if (sim >= NAME_NEAR) {
      score = 0.99;
      reasons.push(`cùng số ${label}`, nameWords);
    } else if (sim >= 0.6) {
      score = 0.85;
      reasons.push(`cùng số ${label}, tên gần giống`);
    } else {
      score = 0.5;
      reasons.push(`cùng số ${label} nhưng họ tên khác — cần kiểm tra lại số giấy tờ`);
    }
    if (birthV === 'same') reasons.push('cùng ngày sinh');
    score -= 0.15 * conflicts.length;
  } else if (idV === 'different' && withinOneEdit(ra.nationalId!, rb.nationalId!) && sim >= NAME_SAME && !conflicts.length && (phoneV === 'same' || birthV === 'same')) {
    // one mistyped digit: worth a look, never merged without the clerk
    score = 0.7;
    reasons.push(`số ${idLabel(a)} chỉ khác một chữ số (có thể gõ nhầm)`, phoneV === 'same' ? 'cùng số điện thoại' : 'cùng ngày sinh', nameWords);
  } else if (idV === 'different') {
    score = 0.05;
    reasons.push(`khác số ${idLabel(a)}: hai người khác nhau`);
  } else if (conflicts.length === 1 && genderV === 'different' && sim >= NAME_SAME && phoneV === 'same' && birthV === 'same') {
    // everything agrees but the sex: a slip in one list, for the clerk to check
    score = 0.6;
    reasons.push(`cùng số điện thoại, ${nameWords} và ngày sinh`);
  } else if (conflicts.length) {
    score = 0.1;
  } else {
    const phoneSame = phoneV === 'same';
    const dateSame = birthV === 'same';
    if (sim >= NAME_NEAR && phoneSame && dateSame) {
      score = 0.97;
      reasons.push(`cùng số điện thoại, ${nameWords} và ngày sinh`);
    } else if (sim >= NAME_NEAR && phoneSame) {
      score = sim >= NAME_SAME ? 0.9 : 0.85;
      reasons.push(exactName ? 'cùng số điện thoại và họ tên' : 'cùng số điện thoại, tên gần giống');
      if (birthV === 'similar') reasons.push('cùng năm sinh');
    } else if (sim >= NAME_NEAR && dateSame) {
      // Namesakes born the same day exist; with two different phones and no ID to compare, the
      // clerk decides (a person may also give another phone, so the pair is still shown).
      const phoneDiffers = phoneV === 'different';
      score = phoneDiffers ? (sim >= NAME_SAME ? DEFAULT_THRESHOLD : 0.7) : sim >= NAME_SAME ? 0.9 : 0.82;
      reasons.push(exactName ? 'cùng họ tên và ngày sinh' : sim >= NAME_SAME ? 'họ tên gần như trùng, cùng ngày sinh' : 'tên gần giống, cùng ngày sinh');
      if (phoneDiffers) reasons.push('nhưng khác số điện thoại và không có số giấy tờ để đối chiếu');
    } else if (allWordsClose && phoneSame && (birthV === 'same' || birthV === 'similar') && genderV !== 'different') {
      score = 0.82;
      reasons.push('cùng số điện thoại, tên gần giống', birthV === 'same' ? 'cùng ngày sinh' : 'cùng năm sinh');
    } else if (allWordsClose && dateSame) {
      score = 0.65;
      reasons.push('tên gần giống, cùng ngày sinh — cần xem kỹ');
    } else if (sim >= NAME_SAME && birthV === 'similar') {
      score = 0.55;
      reasons.push(`${nameWords} và cùng năm sinh — chưa đủ để khẳng định là một người`);
    } else if (sim >= NAME_SAME) {
      score = 0.4;
      reasons.push(`${nameWords}, thiếu ngày sinh để so sánh`);
    } else if (phoneSame) {
      score = 0.2;
      reasons.push('cùng số điện thoại nhưng tên khác (có thể là người nhà)');
    } else {
      score = sim * 0.3;
    }
  }
  reasons.push(...conflicts);
  if (a.selfMismatch.length || b.selfMismatch.length) reasons.push('số CCCD không khớp giới tính/năm sinh ghi trên dòng');
  score = Math.max(0, Math.min(1, Math.round(score * 1000) / 1000));
  return { score, reasons, fields, nameSimilarity: sim, obvious: idV === 'same' && sim >= NAME_SAME && conflicts.length === 0, conflicts };
}

/**
 * True when scorePair would put the pair below MIN_SHOWN_SCORE for a reason that needs no name
 * comparison: two different ID numbers of the same kind (not one mistyped digit), or two different
 * birth years/dates. Lets a million-row match skip most namesakes cheaply.
 */
export function clearlyDifferent(a: PreparedRecord, b: PreparedRecord): boolean {
  const ia = a.rec.nationalId;
  const ib = b.rec.nationalId;
  if (ia && ib && ia === ib) return false;
  if (ia && ib && a.idKind === b.idKind && !withinOneEdit(ia, ib)) return true;
  if (a.year !== null && b.year !== null) {
    if (a.year !== b.year) return true;
    if (a.fullDate && b.fullDate && a.fullDate !== b.fullDate) return true;
  }
  return false;
}
