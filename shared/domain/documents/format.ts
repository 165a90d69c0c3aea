/** Numbers, money and dates the way Vietnamese documents write them. */

/** "1.000", "12,5" (vi-VN grouping with dots, decimal comma). */
export function formatNumberVi(value: number, decimals = 0): string {
  const neg = value < 0;
  const fixed = Math.abs(value).toFixed(decimals);
  const [int, frac] = fixed.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const fracPart = frac && /[1-9]/.test(frac) ? ',' + frac.replace(/0+$/, '') : '';
  return `${neg ? '-' : ''}${grouped}${fracPart}`;
}

/** "100.000 đ". */
export function formatMoney(value: number): string {
  return `${formatNumberVi(Math.round(value))} đ`;
}

/**
 * THE rounding rule for every percentage (progress screen, exports, documents): one decimal,
 * half away from zero on the tenth; null when there is no base.
 */
export function percentOf(part: number, whole: number | null | undefined): number | null {
  if (!whole) return null;
  return Math.round((part / whole) * 1000) / 10;
}

/** A percentage value (from percentOf) as printed: "87,5%"; "—" when there is none. */
export function formatPercentValue(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${formatNumberVi(value, 1)}%`;
}

/** A percentage with at most one decimal: "87,5%"; "—" when there is no base. */
export function formatPercent(part: number, whole: number | null | undefined): string {
  return formatPercentValue(percentOf(part, whole));
}

function parseIsoDate(iso: string): { y: number; m: number; d: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) throw new RangeError(`Not an ISO date: ${iso}`);
  return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
}

/** Nghị định 30: a zero before days below 10 and months 1 and 2. */
export function documentDateParts(iso: string): { day: string; month: string; year: string } {
  const { y, m, d } = parseIsoDate(iso);
  return { day: String(d).padStart(2, '0'), month: m <= 2 ? String(m).padStart(2, '0') : String(m), year: String(y) };
}

/** "ngày 05 tháng 4 năm 2024". */
export function documentDate(iso: string): string {
  const p = documentDateParts(iso);
  return `ngày ${p.day} tháng ${p.month} năm ${p.year}`;
}

/** "Lạng Sơn, ngày 05 tháng 4 năm 2024". */
export function placeAndDate(place: string, iso: string): string {
  return `${place.trim()}, ${documentDate(iso)}`;
}

/** "17/6/2024" (screen and body text style: no leading zeros). */
export function shortDate(iso: string): string {
  const { y, m, d } = parseIsoDate(iso);
  return `${d}/${m}/${y}`;
}

const WEEKDAYS = ['Chủ Nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];

/** "Thứ Hai" for a date. */
export function weekdayVi(iso: string): string {
  const { y, m, d } = parseIsoDate(iso);
  return WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
}

/** The year of birth, from an ISO date or a bare year; '' when unknown. */
export function birthYear(birthDate: string | null | undefined): string {
  const m = birthDate ? /^(\d{4})/.exec(birthDate) : null;
  return m ? m[1] : '';
}

/** "BAN CHỈ ĐẠO VẬN ĐỘNG…" typed in capitals reads "Ban chỉ đạo vận động…" inside a sentence; mixed case is kept. */
export function inSentence(name: string): string {
  const t = name.normalize('NFC').trim();
  if (!t || t !== t.toLocaleUpperCase('vi') || t === t.toLocaleLowerCase('vi')) return t;
  let low = t.toLocaleLowerCase('vi');
  // Names keep their own capitals: "Ban Chỉ đạo", "Hội Chữ thập đỏ", "UBND", and the place after its level ("thành phố Lạng Sơn").
  for (const [from, to] of [['ban chỉ đạo', 'Ban Chỉ đạo'], ['chữ thập đỏ', 'Chữ thập đỏ'], ['ubnd', 'UBND'], ['hđnd', 'HĐND'], ['mttq', 'MTTQ'], ['(hmtn)', '(HMTN)']] as const) {
    low = low.split(from).join(to);
  }
  low = low.replace(/(?<=^|\s)(thành phố|tỉnh|huyện|quận|thị xã|phường|xã|thị trấn)(?!\s+hội)((?:\s+\p{L}+)+)$/u, (_m, level: string, place: string) =>
    level + place.replace(/\s+(\p{L})/gu, (w, c: string) => w.replace(c, c.toLocaleUpperCase('vi'))),
  );
  return low[0].toLocaleUpperCase('vi') + low.slice(1);
}

/** The issuer code a body's name suggests: Hội Chữ thập đỏ → "HCTĐ", Ban Chỉ đạo → "BCĐ", UBND → "UBND". */
export function suggestedDocSuffix(officeName: string): string {
  const f = officeName.normalize('NFC').toLocaleLowerCase('vi');
  if (f.includes('chữ thập đỏ')) return 'HCTĐ';
  if (f.includes('ban chỉ đạo')) return 'BCĐ';
  if (f.includes('ban vận động')) return 'BVĐ';
  if (f.includes('ủy ban nhân dân') || f.includes('ubnd')) return 'UBND';
  return 'BCĐ';
}

const LEVELS = ['thành phố', 'tỉnh', 'huyện', 'quận', 'thị xã', 'phường', 'xã', 'thị trấn'];

/** "thành phố Lạng Sơn" from an office named "… thành phố" and the place "Lạng Sơn"; the place alone otherwise. */
export function localityOf(officeName: string, placeName: string): string {
  const place = placeName.normalize('NFC').trim();
  const low = inSentence(officeName).toLocaleLowerCase('vi');
  if (place && low.includes(place.toLocaleLowerCase('vi'))) {
    const i = low.lastIndexOf(place.toLocaleLowerCase('vi'));
    const before = low.slice(0, i).trim();
    const level = LEVELS.find((l) => before.endsWith(l));
    return level ? `${level} ${place}` : place;
  }
  const level = LEVELS.find((l) => low.endsWith(' ' + l));
  return level ? `${level} ${place}` : place;
}

/** The office named with its locality, as a plan opens: "Ban Chỉ đạo … thành phố Lạng Sơn". */
export function officeWithLocality(officeName: string, placeName: string): string {
  const name = inSentence(officeName);
  const place = placeName.normalize('NFC').trim();
  if (!place || name.toLocaleLowerCase('vi').includes(place.toLocaleLowerCase('vi'))) return name;
  return `${name} ${place}`;
}

/** A campaign name inside a sentence: a leading common noun ("Hiến máu…", "Đợt…", "Ngày hội…") loses its capital. */
export function campaignInSentence(name: string): string {
  let t = name.normalize('NFC').trim();
  if (/^(Hiến|Đợt|Ngày hội|Lễ|Tổ chức)\s/u.test(t)) t = t[0].toLocaleLowerCase('vi') + t.slice(1);
  // "Ngày hội Hiến máu…": a common noun keeps no capital after a lower-case word (quoted titles are left alone).
  return t
    .split(/([“"][^”"]*[”"])/u)
    .map((part) => (/^[“"]/u.test(part) ? part : part.replace(/(\p{Ll}\s+)Hiến máu/gu, '$1hiến máu')))
    .join('');
}

/** "Đợt hiến máu năm 2026" stays as is; "Đợt hiến máu" gets " năm 2026": the year is said once. */
export function withYear(name: string, year: string | number): string {
  const t = name.normalize('NFC').trim();
  return /\b(19|20)\d{2}\b/.test(t) ? t : `${t} năm ${year}`;
}
