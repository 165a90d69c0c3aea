/** Quota arithmetic, one rule for the service, the quota grid and every document. */

export interface QuotaFigures {
  /** 0 = the whole campaign; 1–12 a month. */
  month: number;
  registrants: number | null;
  bloodUnits: number | null;
}

/** A unit's quota: its whole-campaign figure, or the sum of its months when only months are set (an empty month is 0). */
export function unitQuota(entries: readonly QuotaFigures[]): { registrants: number | null; bloodUnits: number | null } {
  const whole = entries.find((e) => e.month === 0);
  const months = entries.filter((e) => e.month !== 0);
  const pick = (k: 'registrants' | 'bloodUnits') => {
    if (whole && whole[k] !== null) return whole[k];
    const vals = months.map((m) => m[k]).filter((v): v is number => v !== null);
    return vals.length ? vals.reduce((a, b) => a + b, 0) : null;
  };
  return { registrants: pick('registrants'), bloodUnits: pick('bloodUnits') };
}
