import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { birthYearOf, idKey, nameKey, personSearchKey, phoneKey } from '../../../shared/domain/people/identity';
import { normalizeNationalId, normalizePhone } from '../../../shared/domain/import/ids-phones';

const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((a) => a.join(''));
const mobile = fc.tuple(fc.constantFrom('03', '05', '07', '08', '09'), digits(8)).map(([p, d]) => p + d);
const cccd = digits(12);

describe('identity: one normaliser for IDs and phones, the importer\'s', () => {
  it('a phone written any way a list or a facility writes it has one key', () => {
    fc.assert(
      fc.property(mobile, fc.constantFrom('plain', 'dots', 'spaces', '+84', '0084', 'number'), (p, style) => {
        const rest = p.slice(1);
        const written =
          style === 'dots' ? `${p.slice(0, 4)}.${p.slice(4, 7)}.${p.slice(7)}` :
          style === 'spaces' ? `${p.slice(0, 4)} ${p.slice(4, 7)} ${p.slice(7)}` :
          style === '+84' ? `+84 ${rest}` :
          style === '0084' ? `0084${rest}` :
          style === 'number' ? Number(p) : p;
        expect(phoneKey(written)).toBe(p);
        expect(phoneKey(written)).toBe(normalizePhone(written).value);
      }),
    );
  });

  it('a CCCD that lost its leading zeros, or was typed with spaces, has one key; bad lengths have none', () => {
    fc.assert(
      fc.property(cccd, (id) => {
        expect(idKey(Number(id))).toBe(Number(id) === 0 ? null : id.length === 12 && String(Number(id)).length >= 10 ? id : idKey(Number(id)));
        expect(idKey(`${id.slice(0, 4)} ${id.slice(4, 8)} ${id.slice(8)}`)).toBe(id);
        expect(idKey(id)).toBe(normalizeNationalId(id).value);
      }),
    );
    expect(idKey('12345')).toBeNull();
    expect(idKey('1,09E+11')).toBeNull();
    expect(idKey('12345678')).toBe('012345678'); // an 8-digit CMND lost its zero
  });

  it('keys are idempotent', () => {
    fc.assert(
      fc.property(mobile, (p) => {
        expect(phoneKey(phoneKey(p))).toBe(phoneKey(p));
      }),
    );
    fc.assert(
      fc.property(cccd, (id) => {
        expect(idKey(idKey(id))).toBe(idKey(id));
      }),
    );
  });

  it('a name is the same name whatever its case, spacing, diacritics or Unicode form', () => {
    const names = ['Nguyễn Thị Hồng Vân', 'Đặng Văn Đức', 'Hoàng Thị Thuỷ', 'Lê Văn Hòa'];
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.constantFrom('upper', 'lower', 'nfd', 'spaces'), (n, how) => {
        const w = how === 'upper' ? n.toUpperCase() : how === 'lower' ? n.toLowerCase() : how === 'nfd' ? n.normalize('NFD') : `  ${n.split(' ').join('   ')} `;
        expect(nameKey(w)).toBe(nameKey(n));
      }),
    );
    expect(nameKey('Đặng Văn Đức')).toBe('dang van duc');
  });

  it('the search key starts with the name key, so a name lookup finds the person; it is never compared as a name', () => {
    fc.assert(
      fc.property(fc.constantFrom('Nguyễn Văn An', 'Lò Thị Mai'), fc.option(cccd, { nil: null }), fc.option(mobile, { nil: null }), (n, id, ph) => {
        const k = personSearchKey({ fullName: n, nationalId: id, phone: ph });
        expect(k.startsWith(nameKey(n))).toBe(true);
        expect(k === nameKey(n)).toBe(id === null && ph === null);
      }),
    );
    expect(birthYearOf('1990-03-12')).toBe(1990);
    expect(birthYearOf('1990')).toBe(1990);
    expect(birthYearOf(null)).toBeNull();
  });
});
