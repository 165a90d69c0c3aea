import { describe, expect, it } from 'vitest';
import { isTotalLabel, judgeTotalRow } from '../../../shared/domain/import/total-row';

describe('total rows by their role', () => {
  it('knows total labels and not names that start with the same letters', () => {
    for (const t of ['Cộng', 'CỘNG', 'Cộng:', 'Cộng 12', 'Tổng cộng', 'TỔNG CỘNG', 'Tổng số', 'Tổng số: 65 người (Nam: 55; Nữ: 10)', 'Tổng cộng: 45 người', 'Tổng', 'Cộng toàn xã', 'Tổng cộng (17 đơn vị)']) {
      expect(isTotalLabel(t), t).toBe(true);
    }
    for (const t of ['Công an thành phố', 'Cộng đồng dân cư khối 4', 'Tổng đội Thanh niên xung phong', 'Cộng Hòa', 'Tổng Văn Hùng', 'Cống Thị Lan', 'Tống Văn Tổng', 'Trường THPT Tổng hợp', '', 'Nguyễn Văn Cộng']) {
      expect(isTotalLabel(t), t).toBe(false);
    }
  });

  it('needs no running number and no identity; checks the figures against the column sums', () => {
    expect(judgeTotalRow({ label: 'Cộng', stt: null, figures: [1650, 1140], sums: [1650, 1140] })).toMatchObject({ total: true, figuresMatch: true });
    expect(judgeTotalRow({ label: 'Tổng cộng', stt: '', figures: [1590, 1100], sums: [1650, 1140] })).toMatchObject({ total: true, figuresMatch: false });
    expect(judgeTotalRow({ label: 'Tổng cộng', figures: ['formula', 'formula'], sums: [1650, 1140] })).toMatchObject({ total: true, figuresMatch: null });
    expect(judgeTotalRow({ label: 'Cộng', stt: '12', figures: [60], sums: [60] }).total).toBe(false);
    expect(judgeTotalRow({ label: 'Tổng', stt: null, hasIdentity: true }).total).toBe(false);
    expect(judgeTotalRow({ label: 'Công an thành phố', stt: null, figures: [60, 40], sums: [60, 40] }).total).toBe(false);
    // No label at all, but the figures are the sums of the rows above: an unlabelled total.
    expect(judgeTotalRow({ label: '', stt: null, figures: [1650, 1140], sums: [1650, 1140] }).total).toBe(true);
    expect(judgeTotalRow({ label: '', stt: null, figures: [0, 0], sums: [0, 0] }).total).toBe(false);
  });
});
