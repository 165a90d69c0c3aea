import type { Reader } from '../../db/data';
import { sql } from '../../db/query';
import type { DuplicatePerson, DuplicateRegistration } from '../../../shared/ipc/channels/duplicates';

function chunks<T>(xs: T[], size = 400): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

/** People as the comparison screen shows them, with every registration (source file/sheet/row, unit). */
export function loadPersonViews(r: Reader, ids: number[], campaignId: number): Map<number, DuplicatePerson & { activeState: boolean }> {
  const out = new Map<number, DuplicatePerson & { activeState: boolean }>();
  for (const c of chunks([...new Set(ids)])) {
    const marks = sql.join(c);
    const people = r.all(
      sql<Record<string, unknown>>`SELECT p.*, (SELECT count(*) FROM donations d WHERE d.person_id = p.id AND d.outcome = 'donated') AS donation_count FROM people p WHERE p.id IN (${marks})`,
    );
    const regs = r.all(
      sql<Record<string, unknown>>`SELECT r.id, r.person_id, r.campaign_id, c.name AS campaign_name, r.unit_id, u.name AS unit_name, r.source_file, r.source_sheet, r.source_row, r.credited
         FROM registrations r JOIN campaigns c ON c.id = r.campaign_id LEFT JOIN units u ON u.id = r.unit_id
         WHERE r.person_id IN (${marks}) AND r.status = 'active' ORDER BY r.campaign_id = ${campaignId} DESC, r.id`,
    );
    const byPerson = new Map<number, DuplicateRegistration[]>();
    for (const g of regs) {
      const list = byPerson.get(g.person_id as number) ?? [];
      list.push({
        id: g.id as number,
        campaignId: g.campaign_id as number,
        campaignName: g.campaign_name as string,
        unitId: (g.unit_id as number | null) ?? null,
        unitName: (g.unit_name as string | null) ?? null,
        file: (g.source_file as string | null) ?? null,
        sheet: (g.source_sheet as string | null) ?? null,
        row: (g.source_row as number | null) ?? null,
        credited: g.credited === 1,
        inCampaign: g.campaign_id === campaignId,
      });
      byPerson.set(g.person_id as number, list);
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
