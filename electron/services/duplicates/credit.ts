import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors/app-error';
import type { CreditRule } from '../../../shared/ipc/channels/duplicates';
import type { ServiceContext } from '../context';
import { appendAudit } from '../audit/audit-log';

const RULE_KEY = 'duplicates.creditRule';

export function getCreditRule(sqlite: Database.Database): CreditRule {
  const r = sqlite.prepare('SELECT value FROM settings WHERE key = ?').get(RULE_KEY) as { value: string } | undefined;
  const v = r ? (JSON.parse(r.value) as string) : null;
  return v === 'home_unit' ? 'home_unit' : 'first_list';
}

export function setCreditRule(ctx: ServiceContext, rule: CreditRule): { rule: CreditRule } {
  ctx.sqlite.transaction(() => {
    ctx.sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(RULE_KEY, JSON.stringify(rule));
    appendAudit(ctx.sqlite, { action: 'duplicates.creditRule', detail: rule === 'home_unit' ? 'Tính chỉ tiêu cho đơn vị nơi cư trú' : 'Tính chỉ tiêu cho danh sách đến trước' });
  })();
  return { rule };
}

interface RegLite { id: number; unit_id: number | null; credited: number }

/** Which of a person's registrations in one campaign the rule credits: the first list, or the home unit's. */
export function pickCredited(regs: RegLite[], rule: CreditRule, homeUnitId: number | null): number | null {
  if (!regs.length) return null;
  const sorted = [...regs].sort((x, y) => x.id - y.id);
  if (rule === 'home_unit' && homeUnitId !== null) {
    const home = sorted.find((r) => r.unit_id === homeUnitId);
    if (home) return home.id;
  }
  return sorted[0].id;
}

/**
 * Makes exactly one of a person's active registrations in a campaign credited. Returns the flags
 * before, so a merge can put them back on undo.
 */
export function applyCredit(sqlite: Database.Database, personId: number, campaignId: number, chosen: number | null): { id: number; credited: number }[] {
  const regs = sqlite.prepare("SELECT id, unit_id, credited FROM registrations WHERE person_id = ? AND campaign_id = ? AND status = 'active'").all(personId, campaignId) as RegLite[];
  if (regs.length === 0) return [];
  const person = sqlite.prepare('SELECT home_unit_id FROM people WHERE id = ?').get(personId) as { home_unit_id: number | null };
  const target = chosen !== null && regs.some((r) => r.id === chosen) ? chosen : pickCredited(regs, getCreditRule(sqlite), person.home_unit_id);
  const upd = sqlite.prepare('UPDATE registrations SET credited = ? WHERE id = ?');
  for (const r of regs) upd.run(r.id === target ? 1 : 0, r.id);
  return regs.map((r) => ({ id: r.id, credited: r.credited }));
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
