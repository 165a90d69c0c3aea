/** Checks a normalised row against the donor rules and the campaign: the issues a clerk must see. */
import { agesOn } from './dates';
import type { PersonValues, RowIssue } from './types';

export interface CampaignRules {
  /** The donation day (first one) when known. */
  donationDate: string | null;
  ageMinMale: number;
  ageMaxMale: number;
  ageMinFemale: number;
  ageMaxFemale: number;
  minIntervalDays: number;
}

/** What a CCCD's digits 4–6 say: sex and birth year. */
export function cccdFacts(id: string): { gender: 'M' | 'F'; year: number } | null {
  if (!/^\d{12}$/.test(id)) return null;
  const code = Number(id[3]);
  const century = [1900, 1900, 2000, 2000, 2100, 2100, 2200, 2200, 1800, 1800][code];
  return { gender: code % 2 === 0 ? 'M' : 'F', year: century + Number(id.slice(4, 6)) };
}

/** Eligibility by age on the donation day; null when only a year is known and the two ages disagree. */
export function eligibleByAge(v: Pick<PersonValues, 'birth_date' | 'gender'>, rules: CampaignRules): boolean | null {
  if (!rules.donationDate || !v.birth_date) return null;
  const [a1, a2] = agesOn(v.birth_date, rules.donationDate);
  const min = v.gender === 'F' ? rules.ageMinFemale : rules.ageMinMale;
  const max = v.gender === 'F' ? rules.ageMaxFemale : v.gender === 'M' ? rules.ageMaxMale : Math.max(rules.ageMaxMale, rules.ageMaxFemale);
  const ok1 = a1 >= min && a1 <= max;
  const ok2 = a2 >= min && a2 <= max;
  if (v.gender === null && rules.ageMaxMale !== rules.ageMaxFemale) {
    const lowMax = Math.min(rules.ageMaxMale, rules.ageMaxFemale);
    if (a2 > lowMax && a1 <= max) return null;
  }
  return ok1 === ok2 ? ok1 : null;
}

function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);
}

export function validatePerson(v: PersonValues, rules: CampaignRules, lastDonation?: string | null): RowIssue[] {
  const issues: RowIssue[] = [];
  if (!v.full_name) issues.push({ field: 'full_name', severity: 'error', code: 'missing_name', message: 'Thiếu họ tên.' });
  if (v.national_id) {
    const facts = cccdFacts(v.national_id);
    if (facts) {
      if (v.gender && facts.gender !== v.gender) {
        issues.push({ field: 'national_id', severity: 'warning', code: 'cccd_sex', message: `Chữ số thứ 4 của CCCD cho biết giới tính ${facts.gender === 'M' ? 'Nam' : 'Nữ'}, khác với giới tính ghi trong danh sách.` });
      }
      const by = v.birth_date ? Number(v.birth_date.slice(0, 4)) : null;
      if (by !== null && facts.year !== by) {
        issues.push({ field: 'national_id', severity: 'warning', code: 'cccd_year', message: `Chữ số 4–6 của CCCD cho biết năm sinh ${facts.year}, khác với năm sinh ${by} trong danh sách.` });
      }
    }
  }
  if (rules.donationDate && v.birth_date) {
    if (v.birth_date > rules.donationDate) {
      issues.push({ field: 'birth', severity: 'error', code: 'impossible_date', message: 'Ngày sinh sau ngày hiến máu: không thể đúng.' });
    } else if (eligibleByAge(v, rules) === false) {
      const [, age] = agesOn(v.birth_date, rules.donationDate);
      issues.push({ field: 'birth', severity: 'warning', code: 'age_limit', message: `Tuổi vào ngày hiến máu (${age}) nằm ngoài giới hạn của đợt.` });
    }
  }
  if (rules.donationDate && lastDonation && /^\d{4}-\d{2}-\d{2}$/.test(lastDonation)) {
    const gap = daysBetween(lastDonation, rules.donationDate);
    if (gap >= 0 && gap < rules.minIntervalDays) {
      issues.push({ field: 'row', severity: 'warning', code: 'interval', message: `Lần hiến gần nhất cách ngày hiến máu ${gap} ngày, chưa đủ ${rules.minIntervalDays} ngày.` });
    }
  }
  return issues;
}
