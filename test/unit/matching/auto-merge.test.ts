import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { autoMergeRule, prepareRecord, scorePair, type MatchRecord } from '../../../shared/domain/matching';

let next = 1;
const rec = (p: Partial<MatchRecord> & { fullName: string }) => prepareRecord({ id: next++, gender: null, birthDate: null, nationalId: null, phone: null, ...p });
const decide = (a: Partial<MatchRecord> & { fullName: string }, b: Partial<MatchRecord> & { fullName: string }, nameYearUnique = true) => autoMergeRule(scorePair(rec(a), rec(b)), { nameYearUnique });

const given = ['An', 'Bình', 'Chi', 'Dũng', 'Hà', 'Hùng', 'Lan', 'Mai', 'Nam', 'Phương', 'Tuấn', 'Vân'];
const family = ['Nguyễn', 'Trần', 'Lê', 'Hoàng', 'Vi', 'Lò', 'Nông'];
const middle = ['Văn', 'Thị', 'Đức', 'Minh', 'Thu'];
const name = fc.tuple(fc.constantFrom(...family), fc.constantFrom(...middle), fc.constantFrom(...given)).map((w) => w.join(' '));
const date = fc.date({ min: new Date('1960-01-01'), max: new Date('2008-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const id = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 12, maxLength: 12 }).map((a) => '0' + a.slice(1).join(''));
const phone = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 8, maxLength: 8 }).map((a) => '09' + a.join(''));

describe('what the data decides about a pair', () => {
  it('decides the same ID with a compatible name, the same phone with the same name and birth, a unique name + full date', () => {
    expect(decide({ fullName: 'Nông Văn Phong', birthDate: '1990-02-19', nationalId: '020090123456' }, { fullName: 'Nông Văn Phog', birthDate: '1990-02-19', nationalId: '020090123456' })).toBe('cùng số CCCD/CMND, họ tên khác một chữ, cùng ngày sinh');
    expect(decide({ fullName: 'Lý Văn Huy', birthDate: '2004-01-21', phone: '0922628045' }, { fullName: 'LÝ VĂN HUY', birthDate: '2004', phone: '0922628045' })).toBe('cùng số điện thoại, cùng họ tên, cùng năm sinh');
    expect(decide({ fullName: 'Phạm Thị Nga', birthDate: '2000-03-12', phone: '0709767108' }, { fullName: 'Phạm Thị Nga', birthDate: '2000-03-12' })).toMatch(/cùng ngày sinh, không ai khác/);
  });

  it('leaves to the clerk a name + date shared with someone else of the campaign, or with two different phones', () => {
    expect(decide({ fullName: 'Phạm Thị Nga', birthDate: '2000-03-12' }, { fullName: 'Phạm Thị Nga', birthDate: '2000-03-12' }, false)).toBeNull();
    expect(decide({ fullName: 'Vi Văn Hưởng', birthDate: '1998-03-20', phone: '0905007274' }, { fullName: 'Vi Văn Hưởng', birthDate: '1998-03-20', phone: '0776177931' })).toBeNull();
  });

  it('never merges two different ID numbers, whatever else agrees (namesakes)', () => {
    fc.assert(
      fc.property(name, date, id, id, fc.option(phone, { nil: null }), (n, d, i1, i2, p) => {
        fc.pre(i1 !== i2);
        expect(decide({ fullName: n, birthDate: d, nationalId: i1, phone: p }, { fullName: n, birthDate: d, nationalId: i2, phone: p })).toBeNull();
      }),
    );
  });

  it('never merges a family sharing a phone: different names, or another birth year', () => {
    fc.assert(
      fc.property(name, name, date, date, phone, (n1, n2, d1, d2, p) => {
        fc.pre(n1.split(' ')[2] !== n2.split(' ')[2]);
        expect(decide({ fullName: n1, birthDate: d1, phone: p }, { fullName: n2, birthDate: d2, phone: p })).toBeNull();
      }),
    );
    fc.assert(
      fc.property(name, date, date, phone, (n, d1, d2, p) => {
        fc.pre(d1.slice(0, 4) !== d2.slice(0, 4));
        expect(decide({ fullName: n, birthDate: d1, phone: p }, { fullName: n, birthDate: d2, phone: p })).toBeNull();
      }),
    );
  });

  it('never merges a different sex or birth date on the same ID', () => {
    fc.assert(
      fc.property(name, date, date, id, (n, d1, d2, i) => {
        fc.pre(d1 !== d2);
        expect(decide({ fullName: n, birthDate: d1, nationalId: i }, { fullName: n, birthDate: d2, nationalId: i })).toBeNull();
        expect(decide({ fullName: n, gender: 'M', nationalId: i }, { fullName: n, gender: 'F', nationalId: i })).toBeNull();
      }),
    );
  });
});
