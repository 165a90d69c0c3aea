/** Recognises a column's field from its header wording: synonyms, with or without diacritics, typos. */
import { foldVietnamese } from '../text';
import type { FieldKey } from './types';

/** Folded header → words only (punctuation to spaces). */
export function foldHeader(s: string): string {
  return foldVietnamese(s).replace(/[^a-z0-9]+/g, ' ').trim();
}

interface Rule {
  field: FieldKey;
  test: RegExp;
}

// Order matters: the first rule that matches wins.
const RULES: Rule[] = [
  { field: 'stt', test: /^(stt|tt|so tt|so thu tu|thu tu|s t t|no)$/ },
  { field: 'last_donation', test: /(ngay|lan) hien (mau )?(gan nhat|gan day nhat|cuoi|lan cuoi)|hien (mau )?lan cuoi|lan hien cuoi/ },
  { field: 'prior_donations', test: /\b(so lan|lan hien|lan da hien|so lan da hien)\b/ },
  { field: 'blood_group', test: /\bnhom mau\b|^mau$|^nhom$|blood|^nm$|^n mau$/ },
  { field: 'name_first', test: /^(ho dem|ho va dem|ho va ten dem|ho chu dem|ho ten dem|ho lot|ho|ten dem|dem|chu dem|ten lot|lot)$/ },
  { field: 'name_last', test: /^ten$/ },
  { field: 'full_name', test: /^(ht|hvt|h t|h va t|ho ten nguoi dang ky|ten nguoi hien|nguoi dang ky)$|^(ho|ho va|ho,)?\s*(va\s+)?ten\b(?!\s*(thon|don vi|co quan|truong|lop|xa|phuong|khoi|to chuc|chi doan|chi hoi))|^ho\s*(va)?\s*ten|\bho ten\b|^full name|^ho va ten/ },
  { field: 'birth', test: /\b(ngay|nam|thang)\b.*\bsinh\b|^sinh ngay|^sinh nam|^ns$|^nam sinh$|^dob$|ngay sinh|nam sinh|^(ntns|nts|ngay thang nam sinh|n s|ngay sinh nam sinh|sinh)$/ },
  { field: 'gender', test: /^(gioi tinh|gioi|phai|nam nu|nam hoac nu|gt|gioi tinh nam nu)$|gioi tinh/ },
  { field: 'national_id', test: /cccd|cmnd|can cuoc|chung minh|dinh danh|so cc|cmt|\bid\b|^cc$|ddcn|^so dd$|^cmnd cccd$/ },
  { field: 'phone', test: /dien thoai|\bsdt\b|\bdt\b|di dong|\bsđt\b|phone|lien he|so dt|\bdd\b|^dtdd$|^dtlh$|^sdt lh$/ },
  { field: 'address', test: /dia chi|cu tru|noi o|thuong tru|tam tru|que quan|cho o|^thon|^khoi|^xom|^ban$|^to dan pho|^ap$|^thon xom|^dc$|^d c$|^dctt$|^noi o hien nay$/ },
  { field: 'workplace', test: /^(don vi|noi cong tac|cong tac|nghe|co quan|chuc vu|khoa|phong|chi hoi|chi doan|lop|cap bac|noi lam viec|truong hoc)|don vi cong tac|nghe nghiep|co quan cong tac|^dv\b|^dvct$|^noi ct$|^don vi ct$|^cq cong tac$|^nghe$/ },
  { field: 'note', test: /ghi chu|^note|ghi chu khac|^gc$|^g c$/ },
];

/** Canonical wordings for fuzzy matching of typos ("Ho va tne", "Ngay sin"). */
const CANONICAL: [string, FieldKey][] = [
  ['ho va ten', 'full_name'], ['ho ten', 'full_name'], ['ngay sinh', 'birth'], ['nam sinh', 'birth'],
  ['ngay thang nam sinh', 'birth'], ['gioi tinh', 'gender'], ['so cccd', 'national_id'], ['can cuoc', 'national_id'],
  ['so dien thoai', 'phone'], ['dien thoai', 'phone'], ['dia chi', 'address'], ['noi cu tru', 'address'],
  ['nhom mau', 'blood_group'], ['ghi chu', 'note'], ['don vi cong tac', 'workplace'], ['nghe nghiep', 'workplace'],
  ['so lan da hien mau', 'prior_donations'],
];

function editDistance(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0];
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j];
      dp[j] = Math.min(dp[j] + 1, dp[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length];
}

const memo = new Map<string, FieldKey | null>();

/** The field a header names, or null (memoised: detection asks about the same texts often). */
export function fieldFromHeader(header: string): FieldKey | null {
  if (header.length > 120) return null;
  const hit = memo.get(header);
  if (hit !== undefined) return hit;
  const field = computeField(header);
  if (memo.size > 20_000) memo.clear();
  memo.set(header, field);
  return field;
}

function computeField(header: string): FieldKey | null {
  const f = foldHeader(header);
  if (!f) return null;
  for (const r of RULES) if (r.test.test(f)) return r.field;
  // Typos: compare with canonical wordings, also against the header's leading words.
  let best: FieldKey | null = null;
  let bestDist = Infinity;
  for (const [canon, field] of CANONICAL) {
    const head = f.split(' ').slice(0, canon.split(' ').length).join(' ');
    for (const cand of [f, head]) {
      const d = editDistance(cand, canon);
      const limit = canon.length >= 8 ? 2 : 1;
      if (d <= limit && d < bestDist) {
        best = field;
        bestDist = d;
      }
    }
  }
  return best;
}

/** Sub-header words under a merged "Ngày sinh" / "Giới tính" cell. */
export function subHeaderGender(header: string): 'M' | 'F' | null {
  const f = foldHeader(header);
  if (/^(nam|male|m)$/.test(f)) return 'M';
  if (/^(nu|female|f)$/.test(f)) return 'F';
  return null;
}

/** True for words that belong to a header row but name no field (still a sign of a header). */
export function isHeaderish(header: string): boolean {
  return subHeaderGender(header) !== null || fieldFromHeader(header) !== null;
}

/**
 * "Ngày" / "Tháng" / "Năm" (also "Ngày sinh"…) under a merged "Ngày tháng năm sinh", or side by side:
 * one part of a birth date. "Nam" without its accent is ambiguous (male) and is a year only in context.
 */
export function datePartWord(header: string): 'd' | 'm' | 'y' | null {
  const t = header.normalize('NFC').toLocaleLowerCase('vi').replace(/[^\p{L}\s]/gu, ' ').replace(/\s+/g, ' ').trim();
  if (/^(ngày|ngay)( sinh)?$/.test(t)) return 'd';
  if (/^(tháng|thang)( sinh)?$/.test(t)) return 'm';
  if (/^(năm)( sinh)?$/.test(t)) return 'y';
  return null;
}
