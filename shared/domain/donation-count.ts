/**
 * How many times a person has donated, decided once (issue 15, item 8) and used by the registry,
 * the person's page, the eligible list and the honour milestones.
 *
 * A list's "Số lần đã hiến máu" is what the person declared about donations BEFORE that list's
 * campaign: it is dated by the earlier of the list's own date and the campaign's first donation day.
 * Donations recorded here before that date are already inside the declared count (when it is
 * smaller, the records win: the person forgot some); donations recorded on or after it are added.
 * So a list imported after the donation day no longer swallows the donation of that day.
 *
 *   total = max(declared, recorded before the date) + recorded on or after the date
 *
 * With several declarations (two lists, merged records) the one giving the highest total counts;
 * with none, the total is the recorded donations.
 */

export interface DeclaredCount {
  /** "Số lần đã hiến máu" from a list. */
  count: number;
  /** ISO day the count was true on (donations before it); null when unknown (then it covers every record). */
  asOf: string | null;
}

export interface DonationTally {
  total: number;
  /** Donations recorded here (any date). */
  recorded: number;
  /** The declaration used, or null when the records alone give the total. */
  declared: number | null;
  declaredAsOf: string | null;
  /** Recorded donations added on top of the declared count (on or after its date). */
  recordedSince: number;
}

export function tallyDonations(recordedDates: readonly string[], declarations: readonly DeclaredCount[]): DonationTally {
  const recorded = recordedDates.length;
  let best: DonationTally = { total: recorded, recorded, declared: null, declaredAsOf: null, recordedSince: 0 };
  for (const d of declarations) {
    if (!(d.count > 0)) continue;
    const since = d.asOf === null ? 0 : recordedDates.filter((x) => x >= d.asOf!).length;
    const before = recorded - since;
    if (d.count <= before) continue; // the records already hold everything declared
    const total = d.count + since;
    if (total > best.total || (total === best.total && best.declared !== null && (d.asOf ?? '') > (best.declaredAsOf ?? ''))) {
      best = { total, recorded, declared: d.count, declaredAsOf: d.asOf, recordedSince: since };
    }
  }
  return best;
}

const dmy = (iso: string) => iso.slice(0, 10).split('-').reverse().join('/');

/** The count as the person's page says it: "6 lần: tự khai 5 lần trước 28/05/2026 + 1 lần ghi nhận từ ngày đó". */
export function describeTally(t: DonationTally): string {
  if (t.declared === null) return t.total === 0 ? 'Chưa có lần hiến nào' : `${t.total} lần (ghi nhận tại đây)`;
  const when = t.declaredAsOf ? ` trước ${dmy(t.declaredAsOf)}` : '';
  if (t.recordedSince === 0) return `${t.total} lần (tự khai${when} trong danh sách đăng ký)`;
  return `${t.total} lần: tự khai ${t.declared} lần${when} + ${t.recordedSince} lần ghi nhận từ ngày đó`;
}
