import { describe, expect, it } from 'vitest';
import { amountInWords, numberToVietnameseWords } from '../../../shared/domain/documents/money-words';
import { documentDate, formatMoney, formatNumberVi, formatPercent, placeAndDate, weekdayVi } from '../../../shared/domain/documents/format';
import { documentNumberLine, documentNumberText, nextSerial } from '../../../shared/domain/documents/numbering';
import { classifyLine, fillTemplate, missingPlaceholders, parseInline } from '../../../shared/domain/documents/template';
import { estimateLines, packRows, keepTailWithRows } from '../../../electron/services/documents/paginate';
import { keepTokensWhole } from '../../../electron/services/documents/pdf/body-text';

describe('amount in words', () => {
  it.each([
    [0, 'Không đồng'],
    [150_000, 'Một trăm năm mươi nghìn đồng'],
    [280_000, 'Hai trăm tám mươi nghìn đồng'],
    [15, 'Mười lăm đồng'],
    [21, 'Hai mươi mốt đồng'],
    [105, 'Một trăm linh năm đồng'],
    [110, 'Một trăm mười đồng'],
    [1_005, 'Một nghìn không trăm linh năm đồng'],
    [1_050_000, 'Một triệu không trăm năm mươi nghìn đồng'],
    [27_700_000, 'Hai mươi bảy triệu bảy trăm nghìn đồng'],
    [360_000_000, 'Ba trăm sáu mươi triệu đồng'],
    [2_000_015_000, 'Hai tỷ không trăm mười lăm nghìn đồng'],
    [1_000_000_000, 'Một tỷ đồng'],
  ])('%d → %s', (n, words) => {
    expect(amountInWords(n)).toBe(words);
    expect(amountInWords(n)).toBe(amountInWords(n).normalize('NFC'));
  });

  it('refuses negative and fractional numbers', () => {
    expect(() => numberToVietnameseWords(-1)).toThrow();
    expect(() => numberToVietnameseWords(1.5)).toThrow();
  });
});

describe('vi-VN formats', () => {
  it('groups thousands with dots and money with đ', () => {
    expect(formatNumberVi(1000)).toBe('1.000');
    expect(formatNumberVi(12.5, 1)).toBe('12,5');
    expect(formatNumberVi(1234567)).toBe('1.234.567');
    expect(formatMoney(100_000)).toBe('100.000 đ');
    expect(formatPercent(7, 8)).toBe('87,5%');
    expect(formatPercent(1, 0)).toBe('—');
  });

  it('writes document dates with a leading zero for days < 10 and months 1–2', () => {
    expect(placeAndDate('Lạng Sơn', '2024-04-05')).toBe('Lạng Sơn, ngày 05 tháng 4 năm 2024');
    expect(documentDate('2024-02-15')).toBe('ngày 15 tháng 02 năm 2024');
    expect(documentDate('2024-01-09')).toBe('ngày 09 tháng 01 năm 2024');
    expect(documentDate('2024-12-10')).toBe('ngày 10 tháng 12 năm 2024');
    expect(weekdayVi('2024-06-17')).toBe('Thứ Hai');
  });

  it('numbers documents "Số: 01/KH-BCĐ" and counts serials up keeping their width', () => {
    expect(documentNumberText(1, 'KH', 'BCĐ')).toBe('01/KH-BCĐ');
    expect(documentNumberLine(45, 'KH', 'BCĐ')).toBe('Số: 45/KH-BCĐ');
    expect(documentNumberLine(null, 'BC', 'BCĐ')).toMatch(/^Số:\s+\/BC-BCĐ$/);
    expect(nextSerial('AA 000999')).toBe('AA 001000');
    expect(nextSerial('0099', 2)).toBe('0101');
  });
});

describe('templates', () => {
  it('fills placeholders, marks the missing ones and keeps NFC', () => {
    const decomposed = 'Tổ chức {{ten_dot}} tại {{ dia_diem }} năm {{nam}}'.normalize('NFD');
    const out = fillTemplate(decomposed, { ten_dot: 'Hành trình đỏ', nam: 2024 });
    expect(out).toBe('Tổ chức Hành trình đỏ tại … năm 2024');
    expect(out).toBe(out.normalize('NFC'));
    expect(missingPlaceholders('{{ten_dot}} {{gio}}', { ten_dot: 'x' })).toEqual(['gio']);
  });

  it('classifies lines and inline emphasis', () => {
    expect(classifyLine('I. MỤC ĐÍCH, YÊU CẦU')).toBe('heading');
    expect(classifyLine('1. Mục đích')).toBe('subheading');
    expect(classifyLine('- Tuyên truyền')).toBe('bullet');
    expect(classifyLine('Ban Chỉ đạo xây dựng kế hoạch')).toBe('paragraph');
    expect(parseInline('trước ngày **15/5/2024** (*theo mẫu*)')).toEqual([
      { text: 'trước ngày ' }, { text: '15/5/2024', bold: true }, { text: ' (' }, { text: 'theo mẫu', italics: true }, { text: ')' },
    ]);
  });
});

describe('body text', () => {
  it('keeps numbers and dates with / and - whole so justification cannot split them', () => {
    const runs = keepTokensWhole([{ text: 'Thực hiện Kế hoạch số 02/KH-BCĐ ngày 17/6/2024 - Hành trình đỏ', italics: true }]);
    expect(runs.map((r) => r.text).join('')).toBe('Thực hiện Kế hoạch số 02/KH-BCĐ ngày 17/6/2024 - Hành trình đỏ');
    expect(runs.filter((r) => r.noWrap).map((r) => r.text)).toEqual(['02/KH-BCĐ', '17/6/2024']);
    expect(runs.every((r) => r.italics)).toBe(true);
  });
});

describe('pagination', () => {
  it('estimates wrapped lines and packs rows into pages', () => {
    expect(estimateLines('Nguyễn Văn An', 200, 11)).toBe(1);
    expect(estimateLines('Phạm Đình Ngọc Bảo Khuê Hoàng Thị Phương Thảo Nguyễn', 80, 11)).toBeGreaterThan(2);
    expect(packRows([10, 10, 10, 10, 10], 20, 30)).toEqual([[0, 1], [2, 3, 4]]);
    expect(packRows([], 20, 30)).toEqual([[]]);
    // a closing block that does not fit under the last rows takes some of them along
    expect(keepTailWithRows([[0, 1], [2, 3, 4]], [10, 10, 10, 10, 10], 20, 30, 5)).toEqual([[0, 1], [2, 3], [4]]);
    expect(keepTailWithRows([[0, 1], [2]], [10, 10, 10], 20, 30, 5)).toEqual([[0, 1], [2]]);
  });
});
