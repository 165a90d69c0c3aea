import { describe, expect, it } from 'vitest';
import { canonicalName, nameSimilarity, withinOneEdit } from '../../../shared/domain/matching';

describe('Vietnamese name comparison', () => {
  it('sees through case, spacing, NBSP, NFD and tone placement', () => {
    expect(nameSimilarity('NGUYỄN  văn\u00a0an', 'Nguyễn Văn An')).toBe(1);
    expect(nameSimilarity('Vi Thị Hoà', 'Vi Thị Hòa')).toBe(1);
    expect(nameSimilarity('Nguyễn Thị Thuỷ'.normalize('NFD'), 'Nguyễn Thị Thủy')).toBe(1);
  });

  it('treats missing diacritics and đ/d as nearly the same', () => {
    const s = nameSimilarity('Dinh Minh Long', 'Đinh Minh Long');
    expect(s).toBeGreaterThan(0.94);
    expect(s).toBeLessThan(1);
    expect(canonicalName('Đinh Minh Long')).toBe('dinh minh long');
  });

  it('knows the regional pairs Hoàng/Huỳnh and Vũ/Võ', () => {
    expect(nameSimilarity('Huỳnh Văn Nam', 'Hoàng Văn Nam')).toBeGreaterThan(0.94);
    expect(nameSimilarity('Võ Minh Hồng', 'Vũ Minh Hồng')).toBeGreaterThan(0.94);
    expect(canonicalName('Huỳnh Thị Võ')).toBe(canonicalName('Hoàng Thị Vũ'));
  });

  it('accepts one-letter typos and swaps on long enough words', () => {
    expect(withinOneEdit('quang', 'qaung')).toBe(true);
    expect(withinOneEdit('tran', 'tan')).toBe(true);
    expect(withinOneEdit('tran', 'tnar')).toBe(false);
    expect(nameSimilarity('Nguyễn Qaung Lợi', 'Nguyễn Quang Lợi')).toBeGreaterThan(0.9);
    expect(nameSimilarity('Trần Thị Huyềm', 'Trần Thị Huyền')).toBeGreaterThan(0.85);
  });

  it('weighs the given name most and the common middle names least', () => {
    // a different given name: family members, not a typo
    expect(nameSimilarity('Hoàng Văn Trường', 'Hoàng Văn Minh')).toBeLessThan(0.5);
    // An and Anh are different names, not a typo
    expect(nameSimilarity('Nguyễn Văn An', 'Nguyễn Văn Anh')).toBeLessThan(0.85);
    // a dropped "Thị" costs less than a dropped distinctive middle name
    const dropThi = nameSimilarity('Nguyễn Thị Hồng Vân', 'Nguyễn Hồng Vân');
    const dropHong = nameSimilarity('Nguyễn Thị Hồng Vân', 'Nguyễn Thị Vân');
    expect(dropThi).toBeGreaterThan(dropHong);
    // a different family name costs less than a different given name
    expect(nameSimilarity('Lê Văn Tiến', 'Hà Văn Tiến')).toBeGreaterThan(nameSimilarity('Lê Văn Tiến', 'Lê Văn Hùng'));
  });
});
