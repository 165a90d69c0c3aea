import { AppError } from '../../../shared/errors/app-error';
import type { CreditRule } from '../../../shared/ipc/channels/duplicates';
import { creditedTo } from '../../../shared/domain/credit-rule';
import type { ServiceContext } from '../context';
import { appendAudit } from '../audit/audit-log';
import type { Reader, Writer } from '../../db/data';
import { q, sql, statement } from '../../db/query';

const RULE_KEY = 'duplicates.creditRule';

const ruleValue = statement<void, { value: string }>(() => q.selectFrom('settings').select('value').where('key', '=', RULE_KEY));

export function getCreditRule(r: Reader): CreditRule {
  const value = r.value(ruleValue);
  const v = value !== undefined ? (JSON.parse(value) as string) : null;
  return v === 'home_unit' || v === 'both_units' ? v : 'first_list';
}

/**
 * Sets the office's rule and applies it at once to the people registered twice in the open
 * campaigns (a choice the clerk made by hand for a person stays), so the progress figures follow.
 */
export function setCreditRule(ctx: ServiceContext, rule: CreditRule): { rule: CreditRule } {
  ctx.data.write((w) => {
    w.run(q.insertInto('settings').values({ key: RULE_KEY, value: JSON.stringify(rule) }).onConflict((oc) => oc.column('key').doUpdateSet({ value: (eb) => eb.ref('excluded.value') })));
    const changed = reapplyCreditRule(w);
    appendAudit(w, { action: 'duplicates.creditRule', detail: `Tính chỉ tiêu cho ${creditedTo(rule)}; áp dụng lại cho ${changed} người` });
  });
  return { rule };
}

export interface RegLite {
  id: number;
  unit_id: number | null;
  credited: number;
  /** The list's own date (received/sent); the import day for lists without one; the registration's day for walk-ins. */
  list_date?: string | null;
  credit_manual?: number;
}

type RegCredit = Required<RegLite>;

/** A person's active registrations in a campaign, each with the date of its list. */
const personRegs = statement<{ personId: number; campaignId: number }, RegCredit>(
  (p) => sql<RegCredit>`SELECT r.id, r.unit_id, r.credited, r.credit_manual,
    COALESCE(b.list_date, substr(b.created_at, 1, 10), substr(r.created_at, 1, 10)) AS list_date
  FROM registrations r LEFT JOIN import_batches b ON b.id = r.batch_id
  WHERE r.person_id = ${p.personId} AND r.campaign_id = ${p.campaignId} AND r.status = 'active'`,
);
const homeUnit = statement<{ id: number }, { home_unit_id: number | null }>((p) => q.selectFrom('people').select('home_unit_id').where('id', '=', p.id));
const setCredit = statement<{ id: number; credited: number; manual: number }>((p) =>
  q.updateTable('registrations').set({ credited: p.credited, credit_manual: p.manual }).where('id', '=', p.id),
);
const creditedNow = statement<{ personId: number; campaignId: number }, { id: number; credited: number }>(
  (p) => sql<{ id: number; credited: number }>`SELECT id, credited FROM registrations WHERE person_id = ${p.personId} AND campaign_id = ${p.campaignId} AND status = 'active'`,
);

/** The list that came first by its own date (then the one imported first). */
function byListDate(x: RegLite, y: RegLite): number {
  const a = x.list_date ?? '9999-12-31';
  const b = y.list_date ?? '9999-12-31';
  return a < b ? -1 : a > b ? 1 : x.id - y.id;
}

/**
 * Which of a person's registrations in one campaign the rule credits: the list with the earliest
 * date of its own (received/sent — not the order of import), or the home unit's; null under
 * "both units" (every registration is credited).
 */
export function pickCredited(regs: RegLite[], rule: CreditRule, homeUnitId: number | null): number | null {
  if (!regs.length || rule === 'both_units') return null;
  const sorted = [...regs].sort(byListDate);
  if (rule === 'home_unit' && homeUnitId !== null) {
    const home = sorted.find((r) => r.unit_id === homeUnitId);
    if (home) return home.id;
  }
  return sorted[0].id;
}

/**
 * Credits a person's active registrations in a campaign by the rule (exactly one, or all under
 * "both units"); `chosen` is the clerk's own pick and is remembered as such. Returns the flags
 * before, so a merge can put them back on undo.
 */
export function applyCredit(w: Writer, personId: number, campaignId: number, chosen: number | null): { id: number; credited: number }[] {
  const regs = w.all(personRegs, { personId, campaignId });
  if (regs.length === 0) return [];
  const person = w.get(homeUnit, { id: personId })!;
  const rule = getCreditRule(w);
  const manual = chosen !== null && regs.some((r) => r.id === chosen);
  const target = manual ? chosen : pickCredited(regs, rule, person.home_unit_id);
  for (const r of regs) w.run(setCredit, { credited: target === null || r.id === target ? 1 : 0, manual: manual ? 1 : 0, id: r.id });
  return regs.map((r) => ({ id: r.id, credited: r.credited }));
}

/** Applies the current rule again to everyone registered more than once in an open campaign; returns how many people changed. */
export function reapplyCreditRule(w: Writer, campaignId?: number): number {
  const groups = w.all(
    sql<{ person_id: number; campaign_id: number }>`SELECT r.person_id, r.campaign_id FROM registrations r JOIN campaigns c ON c.id = r.campaign_id
       WHERE r.status = 'active' AND c.archived = 0 ${campaignId === undefined ? sql`` : sql`AND r.campaign_id = ${campaignId}`}
       GROUP BY r.person_id, r.campaign_id HAVING COUNT(*) > 1 AND MAX(r.credit_manual) = 0`,
  );
  let changed = 0;
  for (const g of groups) {
    const before = applyCredit(w, g.person_id, g.campaign_id, null);
    const after = w.all(creditedNow, { personId: g.person_id, campaignId: g.campaign_id });
    const was = new Map(before.map((b) => [b.id, b.credited]));
    if (after.some((a) => was.get(a.id) !== a.credited)) changed++;
  }
  return changed;
}

/** The clerk credits this registration for the quota (the person's other registrations in the campaign are not). */
export function setCreditedRegistration(ctx: ServiceContext, registrationId: number): { ok: boolean } {
  const reg = ctx.data.read.get(q.selectFrom('registrations').select(['person_id', 'campaign_id', 'unit_id']).where('id', '=', registrationId));
  if (!reg) throw new AppError('REGISTRATION_NOT_FOUND', 'Không tìm thấy dòng đăng ký này. Hãy tải lại danh sách trùng lặp.');
  ctx.data.write((w) => {
    applyCredit(w, reg.person_id, reg.campaign_id, registrationId);
    appendAudit(w, { action: 'duplicates.credit', entity: 'registration', entityId: registrationId, detail: `Tính chỉ tiêu cho đơn vị #${reg.unit_id ?? '—'}` }, ctx.now().toISOString());
  });
  return { ok: true };
}
