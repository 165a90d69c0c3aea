import { describe, expect, it } from 'vitest';
import { isPlausibleSyllable, proposeMergeValue } from '../../../shared/domain/matching/merge-defaults';
import { issueMessage, fieldLabel } from '../../../shared/errors/validation-message';
import { auditActionLabel } from '../../../shared/domain/audit-labels';
import { tallyDonations } from '../../../shared/domain/donation-count';

describe('merge proposal (issue 15, item 7)', () => {
  it('tells a Vietnamese syllable from a typo', () => {
    for (const w of ['Thị', 'Nguyễn', 'Hồng', 'Quỳnh', 'Huỳnh', 'Phúc', 'Giang', 'A', 'Ngọc', 'Nghĩa']) expect(isPlausibleSyllable(w), w).toBe(true);
    for (const w of ['Tịh', 'Hồg', 'Vn', 'Phuc', 'Thịt'.slice(0, 2) + 'hh']) expect(isPlausibleSyllable(w), w).toBe(false);
  });

  it('proposes the correctly spelled name whichever side has it, and marks the difference', () => {
    expect(proposeMergeValue('fullName', 'Nguyễn Tịh Lan', 'Nguyễn Thị Lan')).toEqual({ choice: 'merged', differs: true, reason: 'viết đúng chính tả tiếng Việt' });
    expect(proposeMergeValue('fullName', 'Nguyễn Thị Hồng', 'Nguyễn Thị Hồg').choice).toBe('survivor');
    // even when the typo has more rows behind it
    expect(proposeMergeValue('fullName', 'Nguyễn Tịh Lan', 'Nguyễn Thị Lan', { survivor: 3, merged: 1 }).choice).toBe('merged');
  });

  it('proposes the spelling more rows agree on, then the one with full diacritics', () => {
    expect(proposeMergeValue('fullName', 'Lò Văn Thanh', 'Lò Văn Thành', { survivor: 1, merged: 2 })).toMatchObject({ choice: 'merged', reason: 'giống với nhiều dòng hơn (2 dòng)' });
    expect(proposeMergeValue('fullName', 'Duong Thi Thuy', 'Dương Thị Thúy')).toMatchObject({ choice: 'merged', reason: 'đủ dấu tiếng Việt' });
    expect(proposeMergeValue('fullName', 'NGUYỄN VĂN AN', 'Nguyễn Văn An')).toMatchObject({ choice: 'merged', reason: 'viết hoa đúng cách' });
    expect(proposeMergeValue('phone', '0912345678', '0987654321', { survivor: 1, merged: 3 }).choice).toBe('merged');
  });

  it('marks a difference even when the names are only similar, and none when they are the same', () => {
    expect(proposeMergeValue('fullName', 'Lê Văn Hoà', 'Lê Văn Hòa').differs).toBe(true);
    expect(proposeMergeValue('fullName', 'Lê  Văn Hòa', 'Lê Văn Hòa')).toEqual({ choice: 'survivor', differs: false, reason: null });
    expect(proposeMergeValue('birthDate', '1990', '1990-03-04')).toMatchObject({ choice: 'merged', reason: 'có đủ ngày, tháng, năm' });
    expect(proposeMergeValue('address', 'Thôn Nà Cạn', 'Thôn Nà Cạn, xã Hoàng Đồng')).toMatchObject({ choice: 'merged', reason: 'đầy đủ hơn' });
    expect(proposeMergeValue('phone', null, '0912345678')).toMatchObject({ choice: 'merged', differs: true });
  });
});

describe('Vietnamese validation messages naming the field (issue 15, item 11)', () => {
  it('names fields as the forms label them', () => {
    expect(fieldLabel(['donationDates', 0])).toBe('Ngày hiến máu thứ 1');
    expect(fieldLabel(['files', 2, 'name'])).toBe('Tên tệp thứ 3');
    expect(fieldLabel(['support', 'gift', '350'])).toBe('Quà tặng 350 ml');
  });
  it('never shows a key, a zod code or English', () => {
    const msgs = [
      issueMessage({ code: 'invalid_format', path: ['donationDates', 0], message: 'Ngày phải có dạng năm-tháng-ngày.', format: 'regex' }),
      issueMessage({ code: 'too_big', path: ['files', 0, 'name'], message: 'Too big: expected string to have <=255 characters', origin: 'string', maximum: 255 }),
      issueMessage({ code: 'too_small', path: ['officeName'], message: 'Too small', origin: 'string', minimum: 1 }),
      issueMessage({ code: 'invalid_type', path: ['targetRegistrants'], message: 'Invalid input: expected number, received string', expected: 'number', input: 'abc' }),
      issueMessage({ code: 'too_big', path: ['ageMaxFemale'], message: 'Too big', origin: 'number', maximum: 70 }),
    ];
    expect(msgs).toEqual([
      '“Ngày hiến máu thứ 1” phải là một ngày có thật, dạng ngày/tháng/năm (ví dụ 28/05/2026).',
      'Tên tệp dài quá (tối đa 255 ký tự). Hãy đổi tên tệp cho ngắn hơn rồi chọn lại.',
      'Hãy nhập “Tên cơ quan ban hành văn bản”.',
      '“Chỉ tiêu người đăng ký” phải là một số.',
      '“Nữ: đến tuổi” tối đa là 70.',
    ]);
    for (const m of msgs) expect(m).not.toMatch(/donationDates|files\.|expected|Too |Invalid|trường "/);
  });
});

describe('audit labels and the donation count rule', () => {
  it('labels every action in Vietnamese, never the bare code', () => {
    expect(auditActionLabel('documents.print')).toBe('Phát hành văn bản');
    expect(auditActionLabel('donation.donated')).toBe('Ghi nhận đã hiến máu');
    expect(auditActionLabel('certificates.issue')).toBe('Ghi sổ số phôi giấy chứng nhận');
    expect(auditActionLabel('something.new')).toBe('Thao tác khác');
  });
  it('adds recorded donations on or after the declaration day to the declared count', () => {
    expect(tallyDonations(['2026-05-28'], [{ count: 5, asOf: '2026-05-28' }]).total).toBe(6);
    expect(tallyDonations(['2026-01-02'], [{ count: 5, asOf: '2026-05-28' }]).total).toBe(5);
    expect(tallyDonations(['2025-01-02', '2025-06-02', '2026-01-02'], [{ count: 1, asOf: '2026-05-28' }]).total).toBe(3);
    expect(tallyDonations([], [{ count: 3, asOf: null }]).total).toBe(3);
  });
});
