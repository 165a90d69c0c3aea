import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLD, autoMergeRule, blockingKeys, cccdFacts, cccdMismatches, prepareRecord, scorePair, type MatchRecord } from '../../../shared/domain/matching';

let next = 1;
function rec(p: Partial<MatchRecord> & { fullName: string }): ReturnType<typeof prepareRecord> {
  return prepareRecord({ id: next++, gender: null, birthDate: null, nationalId: null, phone: null, ...p });
}

describe('CCCD digits', () => {
  it('reads sex, century and year', () => {
    expect(cccdFacts('020090622268')).toEqual({ gender: 'M', birthYear: 1990 });
    expect(cccdFacts('020305821218')).toEqual({ gender: 'F', birthYear: 2005 });
    expect(cccdFacts('085749596')).toBeNull();
    expect(cccdMismatches('020190002307', 'M', 1991)).toEqual(['gender', 'year']);
  });
});

describe('pair scoring', () => {
  it('same CCCD and name is obvious, with the reason in Vietnamese', () => {
    const s = scorePair(
      rec({ fullName: 'Lành Mạnh Hùng', gender: 'M', birthDate: '1990-10-06', nationalId: '020090622268' }),
      rec({ fullName: 'LANH MANH HUNG', gender: 'M', birthDate: '1990', nationalId: '020090622268' }),
    );
    expect(s.score).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    expect(s.obvious).toBe(true);
    expect(s.reasons[0]).toBe('cùng số CCCD');
    expect(s.fields.birthDate).toBe('similar');
  });

  it('same name and full birth date without IDs is proposed', () => {
    const s = scorePair(rec({ fullName: 'Ngô Đức Tuấn', birthDate: '2002-01-06', nationalId: '020202307354' }), rec({ fullName: 'Ngô Đức Tuấn', birthDate: '2002-01-06' }));
    expect(s.score).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    expect(s.reasons).toContain('cùng họ tên và ngày sinh');
  });

  it('same phone and a near name is proposed; same phone and another name is family', () => {
    const dup = scorePair(rec({ fullName: 'Mã Tiếm Tùng', birthDate: '1997-02-01', phone: '0944154224' }), rec({ fullName: 'Mã Tiến Tùng', birthDate: '1997', phone: '0944154224' }));
    expect(dup.score).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    expect(dup.reasons[0]).toBe('cùng số điện thoại, tên gần giống');
    const spouse = scorePair(
      rec({ fullName: 'Bùi Đức Minh', gender: 'M', birthDate: '1982-03-12', phone: '0390954915' }),
      rec({ fullName: 'Nguyễn Thị Nhàn', gender: 'F', birthDate: '1983-07-15', phone: '0390954915' }),
    );
    expect(spouse.score).toBeLessThan(DEFAULT_THRESHOLD);
    const father = scorePair(rec({ fullName: 'Hoàng Văn Trường', birthDate: '1970', phone: '0969094218' }), rec({ fullName: 'Hoàng Văn Minh', birthDate: '2002', phone: '0969094218' }));
    expect(father.score).toBeLessThan(DEFAULT_THRESHOLD);
  });

  it('namesakes born the same year (even the same day) with different IDs stay apart', () => {
    const a = rec({ fullName: 'Nông Thu Quỳnh', gender: 'F', birthDate: '2004-09-24', nationalId: '020304229615' });
    const b = rec({ fullName: 'Nông Thu Quỳnh', gender: 'F', birthDate: '2004-09-24', nationalId: '022304772052' });
    expect(scorePair(a, b).score).toBeLessThan(0.3);
    // the same name and only a year in common is not enough either
    const c = rec({ fullName: 'Nguyễn Thị Giang', gender: 'F', birthDate: '1983', phone: '0334188339' });
    const d = rec({ fullName: 'Nguyễn Thị Giang', gender: 'F', birthDate: '1983-01-07', phone: '0924407863' });
    expect(scorePair(c, d).score).toBeLessThan(DEFAULT_THRESHOLD);
  });

  it('a CMND on one row and a CCCD on the other is not a conflict', () => {
    const s = scorePair(
      rec({ fullName: 'Nguyễn Thị Hoa', gender: 'F', birthDate: '1985', nationalId: '085749596', phone: '0842974095' }),
      rec({ fullName: 'Nguyễn Thị Hoa', gender: 'F', birthDate: '1985-10-03', nationalId: '001185123456', phone: '0842974095' }),
    );
    expect(s.fields.nationalId).toBe('unknown');
    expect(s.score).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
  });

  it('a CCCD whose digits contradict the other row keeps them apart', () => {
    // the CCCD says a woman born 1999; the other row is a man born 1999 with the same name and phone
    const s = scorePair(
      rec({ fullName: 'Lê Thanh Anh', gender: 'F', birthDate: '1999', nationalId: '020199367344', phone: '0866551735' }),
      rec({ fullName: 'Lê Thanh Anh', gender: 'M', birthDate: '1999', phone: '0866551735' }),
    );
    expect(s.score).toBeLessThan(DEFAULT_THRESHOLD);
    expect(s.reasons.join(' ')).toMatch(/không khớp/);
  });

  it('different full birth dates in the same year are different people', () => {
    const s = scorePair(rec({ fullName: 'Đặng Văn Tiến', birthDate: '1980-06-22', phone: '0978471033' }), rec({ fullName: 'Đặng Văn Tiến', birthDate: '1980-07-07', phone: '0978471033' }));
    expect(s.score).toBeLessThan(DEFAULT_THRESHOLD);
  });

  it('blocking keys put variants of the same person in a common block', () => {
    const a = blockingKeys(rec({ fullName: 'Huỳnh Văn Nam', birthDate: '1990-01-02' }));
    const b = blockingKeys(rec({ fullName: 'hoang van nam', birthDate: '1990' }));
    expect(a.filter((k) => b.includes(k))).toEqual(['nhoang van nam|1990']);
    const typo = blockingKeys(rec({ fullName: 'Nguyễn Qaung Lợi', birthDate: '2004-02-10' }));
    const right = blockingKeys(rec({ fullName: 'Nguyễn Quang Lợi', birthDate: '2004-02-10' }));
    expect(typo.filter((k) => right.includes(k)).length).toBe(2);
  });
});

describe('pairs for the clerk to check, never merged automatically', () => {
  it('an ID differing by one digit with the same name and phone is shown below the threshold', () => {
    const s = scorePair(
      rec({ fullName: 'Lê Văn Học', birthDate: '1999-05-22', nationalId: '024099989088', phone: '0905973451' }),
      rec({ fullName: 'Lê Văn Học', birthDate: '1999-05-22', nationalId: '024099989089', phone: '0905973451' }),
    );
    expect(s.score).toBeGreaterThan(0.3);
    expect(s.score).toBeLessThan(DEFAULT_THRESHOLD);
    expect(s.reasons[0]).toMatch(/một chữ số/);
  });

  it('a pair that agrees on everything but the sex is shown below the threshold', () => {
    const s = scorePair(
      rec({ fullName: 'Vi Thị Ngọc', gender: 'F', birthDate: '1981-10-16', phone: '0341963500' }),
      rec({ fullName: 'Vi Thị Ngọc', gender: 'M', birthDate: '1981-10-16', phone: '0341963500' }),
    );
    expect(s.score).toBeGreaterThan(0.3);
    expect(s.score).toBeLessThan(DEFAULT_THRESHOLD);
    expect(s.reasons).toContain('khác giới tính');
  });
});

describe('namesakes born the same day', () => {
  it('with different phones and no ID to compare are proposed for the clerk, never merged on their own', () => {
    const s = scorePair(
      rec({ fullName: 'Hứa Thị Thơ', gender: 'F', birthDate: '1980-12-28', phone: '0350500527' }),
      rec({ fullName: 'Hứa Thị Thơ', gender: 'F', birthDate: '1980-12-28', nationalId: '020180394076', phone: '0980108835' }),
    );
    expect(s.score).toBe(DEFAULT_THRESHOLD);
    expect(s.reasons).toContain('cùng họ tên và ngày sinh');
    expect(autoMergeRule(s, { nameYearUnique: true })).toBeNull();
  });
});

describe('the cheap pre-check agrees with the full score', () => {
  it('only rejects pairs the full score puts below the shown minimum', async () => {
    const { clearlyDifferent, MIN_SHOWN_SCORE } = await import('../../../shared/domain/matching');
    const names = ['Nguyễn Văn An', 'Nguyen Van An', 'Nguyễn Văn Anh', 'Lê Thị Hoà', 'Lê Thị Hòa'];
    const births = [null, '1990', '1990-01-02', '1990-02-01', '1991'];
    const ids = [null, '020090000001', '020090000002', '020090000011', '123456789'];
    const phones = [null, '0912345678', '0987654321'];
    const all: ReturnType<typeof rec>[] = [];
    for (const fullName of names) for (const birthDate of births) for (const nationalId of ids) for (const phone of phones) all.push(rec({ fullName, birthDate, nationalId, phone, gender: 'M' }));
    let rejected = 0;
    for (let i = 0; i < all.length; i += 3) for (let j = i + 1; j < all.length; j += 2) {
      if (!clearlyDifferent(all[i], all[j])) continue;
      rejected++;
      expect(scorePair(all[i], all[j]).score).toBeLessThan(MIN_SHOWN_SCORE);
    }
    expect(rejected).toBeGreaterThan(1000);
  });
});

describe('default merge choices', () => {
  it('keeps the survivor value unless it is empty, a bare year, or the name without its diacritics', async () => {
    const { defaultMergeChoice } = await import('../../../shared/domain/matching');
    expect(defaultMergeChoice('phone', null, '0912345678')).toBe('merged');
    expect(defaultMergeChoice('phone', '0911111111', '0912345678')).toBe('survivor');
    expect(defaultMergeChoice('birthDate', '2003', '2003-02-26')).toBe('merged');
    expect(defaultMergeChoice('birthDate', '2003', '2004-02-26')).toBe('survivor');
    expect(defaultMergeChoice('fullName', 'Dương Thị Thuy', 'Dương Thị Thúy')).toBe('merged');
    expect(defaultMergeChoice('fullName', 'Dương Thị Thúy', 'Dương Thị Thuy')).toBe('survivor');
    expect(defaultMergeChoice('fullName', 'Lê Văn A', 'Lê Văn Bình')).toBe('survivor');
  });
});

describe('a one-letter typo in a short given name', () => {
  it('is proposed with the same phone and birth, and only shown with the birth date alone', () => {
    const phone = scorePair(
      rec({ fullName: 'Nguyễn Thị Hoa', gender: 'F', birthDate: '1990-03-04', phone: '0912345678' }),
      rec({ fullName: 'Nguyễn Thị Hao', gender: 'F', birthDate: '1990', phone: '0912345678' }),
    );
    expect(phone.score).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    expect(phone.reasons[0]).toBe('cùng số điện thoại, tên gần giống');
    const dateOnly = scorePair(rec({ fullName: 'Lê Hồng Anh', birthDate: '1993-12-05' }), rec({ fullName: 'Lê Hồng Ash', birthDate: '1993-12-05' }));
    expect(dateOnly.score).toBeGreaterThan(0.3);
    expect(dateOnly.score).toBeLessThan(DEFAULT_THRESHOLD);
    // a spouse with the same given name sharing the phone is not
    const spouse = scorePair(rec({ fullName: 'Lê Thị Hoa', gender: 'F', birthDate: '1980', phone: '0912345678' }), rec({ fullName: 'Trần Thị Hoa', gender: 'F', birthDate: '1980', phone: '0912345678' }));
    expect(spouse.score).toBeLessThan(DEFAULT_THRESHOLD);
  });
});
