import type Database from 'better-sqlite3';
import type { DuplicatePerson, DuplicateRegistration } from '../../../shared/ipc/channels/duplicates';

function chunks<T>(xs: T[], size = 400): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

/** People as the comparison screen shows them, with every registration (source file/sheet/row, unit). */
export function loadPersonViews(sqlite: Database.Database, ids: number[], campaignId: number): Map<number, DuplicatePerson & { activeState: boolean }> {
  const out = new Map<number, DuplicatePerson & { activeState: boolean }>();
  for (const c of chunks([...new Set(ids)])) {
    const marks = c.map(() => '?').join(',');
    const people = sqlite
      .prepare(
        `SELECT p.*, (SELECT count(*) FROM donations d WHERE d.person_id = p.id AND d.outcome = 'donated') AS donation_count FROM people p WHERE p.id IN (${marks})`,
      )
      .all(...c) as Record<string, unknown>[];
    const regs = sqlite
      .prepare(
        `SELECT r.id, r.person_id, r.campaign_id, c.name AS campaign_name, r.unit_id, u.name AS unit_name, r.source_file, r.source_sheet, r.source_row, r.credited
         FROM registrations r JOIN campaigns c ON c.id = r.campaign_id LEFT JOIN units u ON u.id = r.unit_id
         WHERE r.person_id IN (${marks}) AND r.status = 'active' ORDER BY r.campaign_id = ? DESC, r.id`,
      )
      .all(...c, campaignId) as Record<string, unknown>[];
    const byPerson = new Map<number, DuplicateRegistration[]>();
    for (const r of regs) {
      const list = byPerson.get(r.person_id as number) ?? [];
      list.push({
        id: r.id as number,
        campaignId: r.campaign_id as number,
        campaignName: r.campaign_name as string,
        unitId: (r.unit_id as number | null) ?? null,
        unitName: (r.unit_name as string | null) ?? null,
        file: (r.source_file as string | null) ?? null,
        sheet: (r.source_sheet as string | null) ?? null,
        row: (r.source_row as number | null) ?? null,
        credited: r.credited === 1,
        inCampaign: r.campaign_id === campaignId,
      });
      byPerson.set(r.person_id as number, list);
    }
    for (const p of people) {
      const id = p.id as number;
      out.set(id, {
        id,
        fullName: p.full_name as string,
        gender: (p.gender as 'M' | 'F' | null) ?? null,
        birthDate: (p.birth_date as string | null) ?? null,
        nationalId: (p.national_id as string | null) ?? null,
        phone: (p.phone as string | null) ?? null,
        address: (p.address as string | null) ?? null,
        workplace: (p.workplace as string | null) ?? null,
        bloodGroup: (p.blood_group as string | null) ?? null,
        homeUnitId: (p.home_unit_id as number | null) ?? null,
        donations: p.donation_count as number,
        registrations: byPerson.get(id) ?? [],
        activeState: p.merged_into === null && p.deleted_at === null,
      });
    }
  }
  return out;
}
