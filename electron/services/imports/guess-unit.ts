/** Guesses the sending unit from the title rows, the file name and the units already known. */
import type { ServiceContext } from '../context';
import type { SheetAnalysis } from '../../../shared/domain/import/analyze-sheet';
import { capitalizeWords, foldVietnamese } from '../../../shared/domain/text';

export interface UnitGuess {
  unitId: number | null;
  proposedName: string | null;
  reason: string;
}

const ORG_START = /^(ubnd|ủy ban|uỷ ban|công an|hội|đoàn|thành đoàn|tỉnh đoàn|trường|trung tâm|bệnh viện|công ty|phòng|chi cục|cục|sở|liên đoàn|mặt trận|ban chỉ huy|bộ chỉ huy|xã|phường|thị trấn|thôn|khối|đảng ủy|đảng uỷ|chi hội|chi đoàn|ngân hàng|viện|học viện|đại học|cao đẳng)\s/i;
const NOT_ORG = /cộng hòa|cộng hoà|độc lập|danh sách|bcđ|ban chỉ đạo|kèm theo|^\(|tổng|đợt/i;
const IN_TITLE = /\b(xã|phường|thị trấn|trường)\s+([\p{L}\s]+?)(?=\s*[-–,(\d]|\s+(đợt|năm|tháng)\b|$)/iu;
const TYPE_WORDS = /^(ubnd|uy ban nhan dan|phuong|xa|thi tran|p|x|tt)\s+/;
const STOP = new Set(['ds', 'danh', 'sach', 'dang', 'ky', 'dk', 'hmtn', 'hien', 'mau', 'bo', 'sung', 'dot', 'nam', 'cbcs', 'dvtn', 'vc', 'nld', 'hoi', 'vien', 'tn', 'list', 'final', 'moi', 'ban', 'copy', 'of', 'sheet']);

function tidyName(s: string): string {
  let t = s.replace(/\s+/g, ' ').trim().replace(/^(ubnd|ủy ban nhân dân|uỷ ban nhân dân)\s+/i, '');
  if (t === t.toLocaleUpperCase('vi')) t = capitalizeWords(t);
  return t.charAt(0).toLocaleUpperCase('vi') + t.slice(1);
}

/** The issuing body written at the top of the list, if any. */
export function titleCandidate(sheets: SheetAnalysis[]): string | null {
  const first = sheets.find((s) => !s.skipped);
  if (!first) return null;
  let org: string | null = null;
  for (const line of first.titleRows) {
    for (const part of line.split(/\s+[—–-]\s+/)) {
      const p = part.trim();
      if (ORG_START.test(p + ' ') && !NOT_ORG.test(p)) org = p; // the last one is the most specific
    }
  }
  if (org) return tidyName(org);
  for (const line of first.titleRows) {
    const m = IN_TITLE.exec(line);
    if (m) return tidyName(`${m[1]} ${m[2]}`);
  }
  return null;
}

function fileWords(fileName: string): string[] {
  const base = fileName.replace(/\.[^.]+$/, '').replace(/([a-zà-ỹ])([A-ZÀ-Ỹ])/g, '$1 $2');
  return foldVietnamese(base).split(/[^a-z0-9]+/).filter((w) => w && !STOP.has(w) && !/^\d+$/.test(w));
}

function core(folded: string): string {
  return folded.replace(TYPE_WORDS, '').trim();
}

function typeOf(folded: string): string | null {
  const m = /^(ubnd|phuong|xa|thi tran|truong|cong an|hoi|doan|trung tam|benh vien|cong ty|thon|khoi)\b/.exec(folded.replace(/^ubnd\s+/, ''));
  return m ? m[1] : null;
}

function initials(folded: string): string {
  return folded.split(' ').map((w) => w[0]).join('');
}

export async function guessUnit(ctx: ServiceContext, fileName: string, sheets: SheetAnalysis[]): Promise<UnitGuess> {
  const units = await ctx.db.selectFrom('units').select(['id', 'name', 'short_name']).where('archived', '=', 0).execute();
  const folded = units.map((u) => ({ id: u.id, name: u.name, f: foldVietnamese(u.name), s: u.short_name ? foldVietnamese(u.short_name) : null }));
  const title = titleCandidate(sheets);
  if (title) {
    const t = foldVietnamese(title);
    const hit = folded.find((u) => u.f === t || core(u.f) === core(t) || (u.s && u.s === t))
      ?? folded.find((u) => core(t).length > 3 && (typeOf(u.f) === null || typeOf(u.f) === typeOf(t)) && (core(u.f).includes(core(t)) || core(t).includes(core(u.f))) && core(u.f).split(' ').length >= 2);
    if (hit) return { unitId: hit.id, proposedName: null, reason: `Theo tiêu đề "${title}"` };
  }
  const words = fileWords(fileName);
  const joined = ` ${words.join(' ')} `;
  for (const u of folded) {
    const c = core(u.f);
    if (c.split(' ').length >= 2 && joined.includes(` ${c} `)) return { unitId: u.id, proposedName: null, reason: `Theo tên tệp "${fileName}"` };
    if (u.s && joined.includes(` ${u.s} `)) return { unitId: u.id, proposedName: null, reason: `Theo tên tệp "${fileName}"` };
    const ini = initials(u.f);
    if (words.some((w) => w.length >= 3 && w.length <= ini.length && ini.startsWith(w))) return { unitId: u.id, proposedName: null, reason: `Theo chữ viết tắt trong tên tệp "${fileName}"` };
  }
  if (title) return { unitId: null, proposedName: title, reason: `Đơn vị mới theo tiêu đề "${title}"` };
  const sigs = sheets.filter((s) => !s.skipped && s.signature).map((s) => s.signature);
  if (sigs.length) {
    const m = await ctx.db.selectFrom('column_mappings').select('unit_id').where('header_signature', 'in', sigs).where('unit_id', 'is not', null).orderBy('updated_at', 'desc').executeTakeFirst();
    if (m?.unit_id) return { unitId: m.unit_id, proposedName: null, reason: 'Theo lần nhập trước có cùng tiêu đề cột' };
  }
  const past = await ctx.db.selectFrom('import_batches').select(['unit_id', 'file_name']).where('unit_id', 'is not', null).orderBy('id', 'desc').limit(500).execute();
  for (const b of past) {
    const w = fileWords(b.file_name);
    if (w.length && w.join(' ') === words.join(' ')) return { unitId: b.unit_id, proposedName: null, reason: 'Theo lần nhập trước từ tệp cùng tên' };
  }
  const kept = fileName.replace(/\.[^.]+$/, '').replace(/([a-z])([A-Z])/g, '$1 $2').split(/[^\p{L}\p{N}]+/u).filter((w) => w && !STOP.has(foldVietnamese(w)) && !/^\d+$/.test(w))
    .map((w, i, all) => (i < all.length - 1 && /^p$/i.test(w) ? 'Phường' : i < all.length - 1 && /^x$/i.test(w) ? 'Xã' : w));
  // Acronyms (THPT, UBND, TTYT) stay in capitals; other words are capitalised.
  const fromFile = words.length ? kept.map((w) => (w.length <= 5 && w === w.toLocaleUpperCase('vi') ? w : capitalizeWords(w))).join(' ') : null;
  return { unitId: null, proposedName: fromFile, reason: fromFile ? `Đơn vị mới theo tên tệp "${fileName}"` : 'Chưa đoán được đơn vị' };
}
