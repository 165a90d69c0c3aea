import { describe, expect, it } from 'vitest';
import { guessUnitKind } from '../../shared/domain/unit-kinds';

describe('guessUnitKind', () => {
  it('reads the kind from a label or from the unit name', () => {
    expect(guessUnitKind('Xã/Phường')).toBe('commune');
    expect(guessUnitKind('Phường Tam Thanh')).toBe('commune');
    expect(guessUnitKind('Xa Mai Pha')).toBe('commune');
    expect(guessUnitKind('Khối 6')).toBe('village');
    expect(guessUnitKind('Trường THPT Hoàng Văn Thụ')).toBe('school');
    expect(guessUnitKind('Đoàn Thanh niên thành phố')).toBe('mass_org');
    expect(guessUnitKind('Công an thành phố')).toBe('armed');
    expect(guessUnitKind('Trung tâm Y tế thành phố')).toBe('health');
    expect(guessUnitKind('Công ty cổ phần Xi măng')).toBe('enterprise');
    expect(guessUnitKind('Phòng Giáo dục và Đào tạo')).toBe('agency');
    expect(guessUnitKind('Nhóm tình nguyện Ánh Dương')).toBe('other');
  });
});
