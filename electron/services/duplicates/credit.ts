import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors/app-error';
import type { CreditRule } from '../../../shared/ipc/channels/duplicates';
import { creditedTo } from '../../../shared/domain/credit-rule';
import type { ServiceContext } from '../context';
import { appendAudit } from '../audit/audit-log';

const RULE_KEY = 'duplicates.creditRule';

export function getCreditRule(sqlite: Database.Database): CreditRule {
  const r = sqlite.prepare('SELECT value FROM settings WHERE key = ?').get(RULE_KEY) as { value: string } | undefined;
  const v = r ? (JSON.parse(r.value) as string) : null;
  return v === 'home_unit' || v === 'both_units' ? v : 'first_list';
}

/**
 * Sets the office's rule and applies it at once to the people registered twice in the open
 * campaigns (a choice the clerk made by hand for a person stays), so the progress figures follow.
 */
export function setCreditRule(ctx: ServiceContext, rule: CreditRule): { rule: CreditRule } {
  ctx.sqlite.transaction(() => {
    ctx.sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(RULE_KEY, JSON.stringify(rule));
    const changed = reapplyCreditRule(ctx.sqlite);
    appendAudit(ctx.sqlite, { action: 'duplicates.creditRule', detail: `Tính chỉ tiêu cho ${creditedTo(rule)}; áp dụng lại cho ${changed} người` });
  })();
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

const REGS_SQL = `SELECT r.id, r.unit_id, r.credited, r.credit_manual,
    COALESCE(b.list_date, substr(b.created_at, 1, 10), substr(r.created_at, 1, 10)) AS list_date
  FROM registrations r LEFT JOIN import_batches b ON b.id = r.batch_id
  WHERE r.person_id = ? AND r.campaign_id = ? AND r.status = 'active'`;

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
export function applyCredit(sqlite: Database.Database, personId: number, campaignId: number, chosen: number | null): { id: number; credited: number }[] {
  const regs = sqlite.prepare(REGS_SQL).all(personId, campaignId) as RegLite[];
  if (regs.length === 0) return [];
  const person = sqlite.prepare('SELECT home_unit_id FROM people WHERE id = ?').get(personId) as { home_unit_id: number | null };
  const rule = getCreditRule(sqlite);
  const manual = chosen !== null && regs.some((r) => r.id === chosen);
  const target = manual ? chosen : pickCredited(regs, rule, person.home_unit_id);
  const upd = sqlite.prepare('UPDATE registrations SET credited = ?, credit_manual = ? WHERE id = ?');
  for (const r of regs) upd.run(target === null || r.id === target ? 1 : 0, manual ? 1 : 0, r.id);
  return regs.map((r) => ({ id: r.id, credited: r.credited }));
}

/** Applies the current rule again to everyone registered more than once in an open campaign; returns how many people changed. */
export function reapplyCreditRule(sqlite: Database.Database, campaignId?: number): number {
  const groups = sqlite
    .prepare(
      `SELECT r.person_id, r.campaign_id FROM registrations r JOIN campaigns c ON c.id = r.campaign_id
       WHERE r.status = 'active' AND c.archived = 0 ${campaignId === undefined ? '' : 'AND r.campaign_id = ?'}
       GROUP BY r.person_id, r.campaign_id HAVING COUNT(*) > 1 AND MAX(r.credit_manual) = 0`,
    )
    .all(...(campaignId === undefined ? [] : [campaignId])) as { person_id: number; campaign_id: number }[];
  let changed = 0;
  for (const g of groups) {
    const before = applyCredit(sqlite, g.person_id, g.campaign_id, null);
    const after = sqlite.prepare("SELECT id, credited FROM registrations WHERE person_id = ? AND campaign_id = ? AND status = 'active'").all(g.person_id, g.campaign_id) as { id: number; credited: number }[];
    const was = new Map(before.map((b) => [b.id, b.credited]));
    if (after.some((a) => was.get(a.id) !== a.credited)) changed++;
  }
  return changed;
}

/** The clerk credits this registration for the quota (the person's other registrations in the campaign are not). */
export function setCreditedRegistration(ctx: ServiceContext, registrationId: number): { ok: boolean } {
  const reg = ctx.sqlite.prepare('SELECT person_id, campaign_id, unit_id FROM registrations WHERE id = ?').get(registrationId) as { person_id: number; campaign_id: number; unit_id: number | null } | undefined;
  if (!reg) throw new AppError('REGISTRATION_NOT_FOUND', 'Không tìm thấy dòng đăng ký này. Hãy tải lại danh sách trùng lặp.');
  ctx.sqlite.transaction(() => {
    applyCredit(ctx.sqlite, reg.person_id, reg.campaign_id, registrationId);
    appendAudit(ctx.sqlite, { action: 'duplicates.credit', entity: 'registration', entityId: registrationId, detail: `Tính chỉ tiêu cho đơn vị #${reg.unit_id ?? '—'}` }, ctx.now().toISOString());
  })();
  return { ok: true };
}
