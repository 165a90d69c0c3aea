import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { expandUnitName, findUnitIn, isTotalLabel, rankUnitMatches, unitForms, unitKey, unitKeyWords } from '../../../shared/domain/units/unit-names';

describe('unit names as plans write them', () => {
  it.each([
    ['P. Vĩnh Trại', 'Phường Vĩnh Trại'],
    ['P.Tam Thanh', 'PHƯỜNG TAM THANH'],
    ['X. Mai Pha', 'xã Mai Pha'],
    ['UBND phường Chi Lăng', 'Phường Chi Lăng'],
    ['UBND XÃ QUẢNG LẠC', 'Xã Quảng Lạc'],
    ['TT Na Sầm', 'Thị trấn Na Sầm'],
    ['CATP', 'Công an thành phố'],
    ['CA TP', 'Công an thành phố'],
    ['LĐLĐ thành phố', 'Liên đoàn Lao động TP'],
    ['Hội LHPN TP', 'Hội Liên hiệp Phụ nữ thành phố'],
    ['Hội Phụ nữ thành phố', 'Hội Liên hiệp Phụ nữ TP'],
    ['Hội ND TP', 'Hội Nông dân thành phố'],
    ['Đoàn TN TP', 'Đoàn Thanh niên thành phố'],
    ['Thành đoàn', 'Đoàn Thanh niên thành phố'],
    ['ĐOÀN TNCS HỒ CHÍ MINH THÀNH PHỐ', 'Đoàn TN TP'],
    ['Phòng GD&ĐT', 'Phòng Giáo dục và Đào tạo'],
    ['PGD', 'Phòng Giáo dục & Đào tạo'],
    ['Phòng Giáo dục', 'Phòng GD-ĐT'],
    ['TTYT thành phố', 'Trung tâm Y tế TP'],
    ['BV Đa khoa tỉnh', 'Bệnh viện đa khoa tỉnh'],
    ['THPT Việt Bắc', 'Trường THPT Việt Bắc'],
    ['Trường Trung học cơ sở Chi Lăng', 'THCS Chi Lăng'],
    ['TH Kim Đồng', 'Trường Tiểu học Kim Đồng'],
    ['Cty CP Vinpearl - Kiên Giang', 'Công ty Cổ phần Vinpearl Kiên Giang'],
    ['Hội CTĐ thành phố', 'Hội Chữ thập đỏ TP'],
    ['BHXH tỉnh', 'Bảo hiểm xã hội tỉnh'],
  ])('%s = %s', (a, b) => {
    expect(unitKey(a)).toBe(unitKey(b));
  });

  it.each([
    ['Phường Hoàng Văn Thụ', 'Trường THPT Hoàng Văn Thụ'],
    ['Công an tỉnh', 'Công an thành phố'],
    ['Xã Mai Pha', 'Phường Mai Pha'],
    ['Phòng Giáo dục và Đào tạo', 'Sở Giáo dục và Đào tạo'],
  ])('%s ≠ %s', (a, b) => {
    expect(unitKey(a)).not.toBe(unitKey(b));
  });

  it('writes a new unit name out in full, with diacritics', () => {
    expect(expandUnitName('P. Vĩnh Trại')).toBe('Phường Vĩnh Trại');
    expect(expandUnitName('xã Mai Pha')).toBe('Xã Mai Pha');
    expect(expandUnitName('CATP')).toBe('Công an thành phố');
    expect(expandUnitName('LĐLĐ thành phố')).toBe('Liên đoàn Lao động thành phố');
    expect(expandUnitName('Hội ND TP')).toBe('Hội Nông dân thành phố');
    expect(expandUnitName('Phòng Giáo dục & Đào tạo')).toBe('Phòng Giáo dục và Đào tạo');
    expect(expandUnitName('TTYT thành phố')).toBe('Trung tâm Y tế thành phố');
    expect(expandUnitName('THPT Việt Bắc')).toBe('Trường THPT Việt Bắc');
    expect(expandUnitName('Đoàn Thanh niên TP')).toBe('Đoàn Thanh niên thành phố');
    expect(expandUnitName('UBND PHƯỜNG CHI LĂNG')).toBe('Phường Chi Lăng');
    expect(expandUnitName('ĐOÀN TNCS HỒ CHÍ MINH')).toBe('Đoàn TNCS Hồ Chí Minh');
  });

  it('finds a unit inside a title or a file name, not a look-alike', () => {
    const ca = unitForms(['Công an thành phố']);
    expect(findUnitIn(unitKeyWords('CÔNG AN TỈNH LẠNG SƠN'), ca)).toBeNull();
    expect(findUnitIn(unitKeyWords('CÔNG AN THÀNH PHỐ LẠNG SƠN'), ca)?.weight).toBe(1);
    expect(findUnitIn(unitKeyWords('CATP - DS CBCS dang ky HMTN'), ca)?.weight).toBe(1);
    const hvt = unitForms(['Phường Hoàng Văn Thụ']);
    expect(findUnitIn(unitKeyWords('TRƯỜNG THPT HOÀNG VĂN THỤ'), hvt)).toBeNull();
    expect(findUnitIn(unitKeyWords('Số 5, đường Hoàng Văn Thụ'), hvt)).toBeNull();
    expect(findUnitIn(unitKeyWords('HVT_bosung'), hvt, { initials: true })?.weight).toBe(0.6);
    expect(findUnitIn(unitKeyWords('Dong Kinh 2026'), unitForms(['Phường Đông Kinh']))?.weight).toBe(0.75);
    expect(findUnitIn(unitKeyWords('ThanhDoan_DS DVTN'), unitForms(['Đoàn Thanh niên thành phố']))?.weight).toBe(1);
    expect(findUnitIn(unitKeyWords('HND bo sung'), unitForms(['Hội Nông dân thành phố']))?.weight).toBe(0.85);
    expect(findUnitIn(unitKeyWords('HỘI NÔNG DÂN XÃ MAI PHA'), unitForms(['Hội Nông dân thành phố']))).toBeNull();
  });

  it('ranks existing units for a name of the quota table', () => {
    const units = [
      { id: 1, names: ['Công an thành phố Lạng Sơn'] },
      { id: 2, names: ['Phòng GD&ĐT'] },
      { id: 3, names: ['Phường Hoàng Văn Thụ'] },
      { id: 4, names: ['Trường THPT Hoàng Văn Thụ'] },
    ];
    expect(rankUnitMatches('CATP', units)[0]).toMatchObject({ unit: { id: 1 } });
    expect(rankUnitMatches('Phòng Giáo dục & Đào tạo', units)[0]).toMatchObject({ unit: { id: 2 }, score: 1 });
    expect(rankUnitMatches('P. Hoàng Văn Thụ', units).map((r) => r.unit.id)).toEqual([3]);
    expect(rankUnitMatches('THPT Hoàng Văn Thụ', units).map((r) => r.unit.id)).toEqual([4]);
  });

  it('tells total rows from units that start like one', () => {
    expect(isTotalLabel('Tổng cộng')).toBe('strict');
    expect(isTotalLabel('Cộng:')).toBe('strict');
    expect(isTotalLabel('TỔNG SỐ')).toBe('strict');
    expect(isTotalLabel('Công an thành phố')).toBeNull();
    expect(isTotalLabel('Cộng đồng dân cư khối 3')).toBeNull();
    expect(isTotalLabel('Tổng đội TNXP')).toBeNull();
    expect(isTotalLabel('Cộng hòa')).toBeNull();
  });

  it('keys are stable: a key of a key is itself, and case/accents never matter', () => {
    const word = fc.constantFrom('P.', 'Phường', 'xã', 'TP', 'thành phố', 'Hội', 'ND', 'LHPN', 'Vĩnh', 'Trại', 'Đông', 'Kinh', 'GD&ĐT', 'THPT', 'Công', 'an', 'CATP');
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 6 }), (ws) => {
        const name = ws.join(' ');
        expect(unitKey(name.toLocaleUpperCase('vi'))).toBe(unitKey(name));
        expect(unitKey(name.normalize('NFD'))).toBe(unitKey(name));
      }),
    );
  });
});

describe('names from titles in capitals', () => {
  it.each([
    ['HỘI NÔNG DÂN THÀNH PHỐ LẠNG SƠN', 'Hội Nông dân thành phố Lạng Sơn'],
    ['LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ LẠNG SƠN', 'Liên đoàn Lao động thành phố Lạng Sơn'],
    ['TRƯỜNG THPT VIỆT BẮC', 'Trường THPT Việt Bắc'],
    ['TRUNG TÂM Y TẾ THÀNH PHỐ LẠNG SƠN', 'Trung tâm Y tế thành phố Lạng Sơn'],
    ['UBND PHƯỜNG TAM THANH', 'Phường Tam Thanh'],
  ])('%s → %s', (a, b) => expect(expandUnitName(a)).toBe(b));
});
