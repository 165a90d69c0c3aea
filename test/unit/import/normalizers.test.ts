import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { needsCollapse } from '../../../shared/domain/import/cells';
import { decodeLegacyText, decodeTcvn3, decodeVni } from '../../../shared/domain/import/legacy-encoding';
import { normalizeNationalId, normalizePhone } from '../../../shared/domain/import/ids-phones';
import { normalizeBirthDate, excelSerialToIso } from '../../../shared/domain/import/dates';
import { normalizeBloodGroup, normalizeName, normalizeGender, isMark } from '../../../shared/domain/import/values';
import { fieldFromHeader } from '../../../shared/domain/import/header-synonyms';
import { cccdFacts, eligibleByAge, validatePerson } from '../../../shared/domain/import/validate-row';

describe('legacy encodings', () => {
  it('decodes TCVN3, upper-casing for the .VnTimeH fonts', () => {
    expect(decodeTcvn3('NguyÔn ThÞ Hång')).toBe('Nguyễn Thị Hồng');
    expect(decodeTcvn3('ubnd ph\u00adêng tam thanh', true)).toBe('UBND PHƯỜNG TAM THANH');
    expect(decodeLegacyText('Ph¹m V¨n Lîi', '.VnTime')).toBe('Phạm Văn Lợi');
  });
  it('decodes VNI-Windows', () => {
    expect(decodeVni('Nguyeãn Vaên An')).toBe('Nguyễn Văn An');
    expect(decodeVni('Tröôøng Ñaïi hoïc')).toBe('Trường Đại học');
    expect(decodeVni('Traàn Thò Hoàng Vaân')).toBe('Trần Thị Hồng Vân');
    expect(decodeLegacyText('Phaïm Ñöùc Löông', 'VNI-Times')).toBe('Phạm Đức Lương');
    expect(decodeLegacyText('NGUYEÃN THÒ HOÀNG TRÖÔØNG', 'VNI-Helve')).toBe('NGUYỄN THỊ HỒNG TRƯỜNG');
    expect(decodeLegacyText('nguyÔn v¨n an', '.VnTimeH')).toBe('NGUYỄN VĂN AN');
  });
  it('guesses the encoding of a cell without font by which reading is plausible Vietnamese', () => {
    expect(decodeLegacyText('Nguyeãn Vaên An')).toBe('Nguyễn Văn An');
    expect(decodeLegacyText('NguyÔn V¨n An')).toBe('Nguyễn Văn An');
    expect(decodeLegacyText('Nguyễn Văn An')).toBe('Nguyễn Văn An');
    expect(decodeLegacyText('Hoàng Thị Toàn Khoá')).toBe('Hoàng Thị Toàn Khoá');
    expect(decodeLegacyText('Nguye\u0302\u0303n')).toBe('Nguyễn');
  });
});

describe('ids and phones', () => {
  it('restores CCCD/CMND that lost leading zeros, flags scientific notation', () => {
    expect(normalizeNationalId(20090012345).value).toBe('020090012345');
    expect(normalizeNationalId(1090012345).value).toBe('001090012345');
    expect(normalizeNationalId('86192052').value).toBe('086192052');
    expect(normalizeNationalId('020 192 781 910').value).toBe('020192781910');
    const lost = normalizeNationalId('1.09E+11');
    expect(lost.value).toBeNull();
    expect(lost.problem).toMatch(/E\+11/);
  });
  it('normalises phones', () => {
    expect(normalizePhone(912345678).value).toBe('0912345678');
    expect(normalizePhone('+84 915 660 874').value).toBe('0915660874');
    expect(normalizePhone('84915660874').value).toBe('0915660874');
    expect(normalizePhone('0914.222.817').value).toBe('0914222817');
    expect(normalizePhone('0168 123 4567').value).toBe('0381234567');
    const two = normalizePhone('0833588150 / 0332917606');
    expect(two.value).toBe('0833588150');
    expect(two.rest).toBe('0332917606');
  });
});

describe('dates', () => {
  it('reads text, serials and years', () => {
    expect(normalizeBirthDate('8/4/1982').value).toBe('1982-04-08');
    expect(normalizeBirthDate('18.11.2004').value).toBe('2004-11-18');
    expect(normalizeBirthDate('20-11-2007').value).toBe('2007-11-20');
    expect(normalizeBirthDate(1985).value).toBe('1985');
    expect(normalizeBirthDate('1985').value).toBe('1985');
    expect(normalizeBirthDate(39455).value).toBe('2008-01-08');
    expect(excelSerialToIso(30771, true)).toBe('1988-03-31');
    expect(excelSerialToIso(32233)).toBe('1988-03-31');
    const bad = normalizeBirthDate('31/02/1990');
    expect(bad.value).toBeNull();
    expect(bad.problem).toMatch(/không tồn tại/);
  });
});

describe('values', () => {
  it('cleans names, gender, marks and blood groups', () => {
    expect(normalizeName(' NGUYỄN\u00a0 thị  hồng ')).toBe('Nguyễn Thị Hồng');
    expect(normalizeGender('nữ')).toBe('F');
    expect(normalizeGender('NAM')).toBe('M');
    expect(isMark('X')).toBe(true);
    expect(isMark('')).toBe(false);
    expect(normalizeBloodGroup('B (Rh+)').value).toBe('B+');
    expect(normalizeBloodGroup('ORh-').value).toBe('O-');
    expect(normalizeBloodGroup('Nhóm O').value).toBe('O');
    expect(normalizeBloodGroup('0').value).toBe('O');
  });
  it('recognises header wordings, without diacritics and with typos', () => {
    expect(fieldFromHeader('Họ và tên người đăng ký')).toBe('full_name');
    expect(fieldFromHeader('Ho va ten')).toBe('full_name');
    expect(fieldFromHeader('Ho va tne')).toBe('full_name');
    expect(fieldFromHeader('Số CMND/CCCD')).toBe('national_id');
    expect(fieldFromHeader('SĐT')).toBe('phone');
    expect(fieldFromHeader('Nơi cư trú')).toBe('address');
    expect(fieldFromHeader('Nhóm máu (nếu biết)')).toBe('blood_group');
    expect(fieldFromHeader('Số lần đã hiến máu')).toBe('prior_donations');
    expect(fieldFromHeader('Ngày, tháng, năm sinh')).toBe('birth');
    expect(fieldFromHeader('Tên thôn')).not.toBe('full_name');
  });
});

describe('row rules', () => {
  const rules = { donationDate: '2026-05-28', ageMinMale: 18, ageMaxMale: 60, ageMinFemale: 18, ageMaxFemale: 55, minIntervalDays: 84 };
  it('reads sex and century from the CCCD', () => {
    expect(cccdFacts('001195012345')).toEqual({ gender: 'F', year: 1995 });
    expect(cccdFacts('020208828320')).toEqual({ gender: 'M', year: 2008 });
  });
  it('judges age on the donation day; a year alone may be undecidable', () => {
    expect(eligibleByAge({ birth_date: '2008-05-29', gender: 'M' }, rules)).toBe(false);
    expect(eligibleByAge({ birth_date: '2008-05-28', gender: 'M' }, rules)).toBe(true);
    expect(eligibleByAge({ birth_date: '2008', gender: 'M' }, rules)).toBeNull();
    expect(eligibleByAge({ birth_date: '1970', gender: 'F' }, rules)).toBeNull();
    expect(eligibleByAge({ birth_date: '1960', gender: 'F' }, rules)).toBe(false);
  });
  it('reports missing name and a too-recent donation', () => {
    const v = { full_name: null, gender: 'M' as const, birth_date: '1990-01-01', national_id: null, phone: null, address: null, workplace: null, blood_group: null, prior_donations: null, note: null };
    const codes = validatePerson(v, rules, '2026-04-01').map((i) => i.code);
    expect(codes).toEqual(['missing_name', 'interval']);
  });
});

describe('CSV bytes', () => {
  it('tells UTF-8, Windows-1258 and TCVN3 bytes apart', async () => {
    const { decodeCsvBytes } = await import('../../../electron/services/imports/read-csv');
    const { decodeLegacyText } = await import('../../../shared/domain/import/legacy-encoding');
    expect(decodeCsvBytes(Buffer.from('Họ và tên;Nguyễn Văn An', 'utf8'))).toBe('Họ và tên;Nguyễn Văn An');
    const tcvn3 = Buffer.from('Hä vµ tªn;NguyÔn V¨n An', 'latin1');
    expect(decodeLegacyText(decodeCsvBytes(tcvn3))).toBe('Họ và tên;Nguyễn Văn An');
  });
});

describe('numbers exported as text', () => {
  it('drops a trailing .0 and finds the one ID among words', () => {
    expect(normalizeNationalId('20090012345.0').value).toBe('020090012345');
    expect(normalizeNationalId('CCCD: 001090012345').value).toBe('001090012345');
    expect(normalizePhone('912345678.0').value).toBe('0912345678');
    expect(normalizePhone('0912345678 (Zalo)').value).toBe('0912345678');
  });
});

describe('needsCollapse', () => {
  const REGEX = /\s\s|^\s|\s$|[\t\n\r\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]/;
  it('agrees with the regular expression it replaces on any text', () => {
    const unit = fc.constantFrom('a', 'ễ', 'Đ', '1', ' ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\u1680', '\u2000', '\u200a', '\u200b', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff', '\u0085', '\u180e', '\u0301', '\ud83d\ude00');
    fc.assert(fc.property(fc.string({ unit, maxLength: 8 }), (s) => needsCollapse(s) === REGEX.test(s)), { numRuns: 20_000 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 8 }), (s) => needsCollapse(s) === REGEX.test(s)), { numRuns: 20_000 });
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      for (const s of [ch, `a${ch}`, `${ch}a`, `a${ch}b`, `a ${ch}b`]) expect(needsCollapse(s), `U+${c.toString(16)} in ${JSON.stringify(s)}`).toBe(REGEX.test(s));
    }
  });
});
