import { describe, expect, it } from 'vitest';
import { deadlineText } from '../../shared/domain/deadline-text';

describe('deadline text', () => {
  it('says a passed deadline, today and days left the clerk’s way', () => {
    expect(deadlineText(-200)).toBe('Quá hạn 200 ngày');
    expect(deadlineText(-1)).toBe('Quá hạn 1 ngày');
    expect(deadlineText(0)).toBe('Hôm nay là hạn cuối');
    expect(deadlineText(5)).toBe('Còn 5 ngày');
    expect(deadlineText(1200)).toBe('Còn 1.200 ngày');
    expect(deadlineText(null)).toBeNull();
  });
});
