/**
 * A campaign built the way an office builds it: units and quotas, registration lists (.csv as units
 * email them) through the real importer, duplicates merged by the duplicates service, the donation
 * day recorded by the check-in service, walk-ins added there. No person row is written by hand.
 */
import type { AppContext } from '../../../electron/services/create-context';
import { saveOffice } from '../../../electron/services/settings/office';
import { createCampaign } from '../../../electron/services/campaigns/campaigns';
import { createUnit } from '../../../electron/services/units/units';
import { saveQuotas } from '../../../electron/services/quotas/quotas';
import { importFiles } from '../../../electron/services/imports/import-files';
import { mergePeople } from '../../../electron/services/duplicates/merge';
import { recordOutcome } from '../../../electron/services/donation-day/record-outcome';
import { addWalkIn } from '../../../electron/services/donation-day/walk-in';
import { OFFICE } from './fixture';

export const RED_CROSS_OFFICE = { ...OFFICE, standingBody: 'Hội Chữ thập đỏ thành phố' };

export interface ListPerson {
  name: string;
  gender: 'Nam' | 'Nữ';
  birth: string;
  id: string;
  phone: string;
}

function csv(people: ListPerson[]): Buffer {
  const lines = ['STT,Họ và tên,Ngày sinh,Giới tính,Số CCCD,Số điện thoại,Địa chỉ'];
  people.forEach((p, i) => lines.push([i + 1, p.name, p.birth, p.gender, p.id, p.phone, 'Phường Vĩnh Trại'].join(',')));
  return Buffer.from('\ufeff' + lines.join('\r\n') + '\r\n', 'utf8');
}

const FIRST = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Thu', 'Quang', 'Hồng', 'Ngọc'];
const GIVEN = ['An', 'Ánh', 'Anh', 'Bình', 'Cường', 'Dũng', 'Hoa', 'Hòa', 'Hải', 'Hà', 'Lan', 'Long', 'Mai', 'Nam', 'Phương', 'Sơn', 'Tâm', 'Thảo', 'Trang', 'Tuấn'];

/** `n` distinct people with their own ID and phone (seeded, so the same each run). */
export function makePeople(n: number, seed: number): ListPerson[] {
  const out: ListPerson[] = [];
  for (let i = 0; i < n; i++) {
    const k = seed * 1000 + i;
    const g = k % 2 ? 'Nữ' : 'Nam';
    out.push({
      name: `${FIRST[k % FIRST.length]} ${MIDDLE[(k >> 1) % MIDDLE.length]} ${GIVEN[(k * 7) % GIVEN.length]}`,
      gender: g,
      birth: `${String((k % 27) + 1).padStart(2, '0')}/${String((k % 12) + 1).padStart(2, '0')}/${1975 + (k % 25)}`,
      id: `0010${String(9000000 + k * 37).padStart(8, '0')}`,
      phone: `09${String(10000000 + k * 131).padStart(8, '0')}`,
    });
  }
  return out;
}

export interface ImportedCampaign {
  campaignId: number;
  units: { id: number; name: string }[];
  /** personId by "unit index/row index" of the lists. */
  person(unit: number, row: number): number;
  regs(unit: number): ListPerson[][];
}

/**
 * Four units with quotas; each sends one list. `shared` people appear on two units' lists (the same
 * person registered by two organisations) and are merged, the credit going to the first unit.
 */
export async function importedCampaign(ctx: AppContext, opts: { perUnit?: number[]; planNumber?: string | null; officeName?: string } = {}) {
  await saveOffice(ctx, { ...RED_CROSS_OFFICE, ...(opts.officeName ? { officeName: opts.officeName } : {}) });
  const campaign = await createCampaign(ctx, {
    name: 'Ngày hội hiến máu tình nguyện năm 2026',
    slogan: 'Chương trình “Hành trình đỏ - Giọt hồng Xứ Lạng”',
    planNumber: opts.planNumber === undefined ? null : opts.planNumber,
    legalBases: ['Thực hiện Công văn số 02/BCĐ ngày 04/01/2026 của Ban Chỉ đạo vận động hiến máu tình nguyện tỉnh Lạng Sơn về việc giao chỉ tiêu hiến máu năm 2026;'],
    registrationDeadline: '2026-05-15',
    donationDates: ['2026-05-28'],
    donationTime: '6 giờ 30 phút',
    place: 'Hội trường Nhà Đa năng - UBND thành phố Lạng Sơn',
    bloodFacility: 'Bệnh viện Đa khoa tỉnh Lạng Sơn',
    targetRegistrants: 200,
    targetBloodUnits: 150,
  });
  const names = ['Phòng Giáo dục và Đào tạo', 'Thành đoàn', 'Công an thành phố', 'Phường Vĩnh Trại'];
  const units = [];
  for (const name of names) units.push(await createUnit(ctx, { name, kind: 'other' }));
  await saveQuotas(ctx, {
    campaignId: campaign.id,
    entries: units.map((u, i) => ({ unitId: u.id, month: 0, registrants: [40, 30, 20, 20][i], bloodUnits: [30, 25, 15, 10][i] })),
  });
  const perUnit = opts.perUnit ?? [12, 9, 6, 5];
  const lists = perUnit.map((n, i) => makePeople(n, i + 1));
  // Two people of the education list also appear on the youth union's list (registered twice).
  lists[1].push(lists[0][0], lists[0][1]);
  const ids: number[][] = [];
  for (const [i, list] of lists.entries()) {
    const [o] = await importFiles(ctx, [{ name: `DS dang ky ${i + 1}.csv`, data: csv(list) }], { campaignId: campaign.id, unit: units[i].id, onDuplicate: 'skip', matchDuplicates: false });
    if (!o.ok) throw new Error(o.message);
    const rows = ctx.conn.sqlite
      .prepare('SELECT person_id FROM registrations WHERE batch_id = ? ORDER BY source_row')
      .all(o.batchId) as { person_id: number }[];
    if (rows.length !== list.length) throw new Error(`imported ${rows.length} of ${list.length}`);
    ids.push(rows.map((r) => r.person_id));
  }
  // The duplicates service merges the two registered twice; the office's rule credits the list that came first.
  for (const k of [0, 1]) mergePeople(ctx, { survivorId: ids[0][k], mergedId: ids[1][lists[1].length - 2 + k] });
  return { campaign, units, lists, ids };
}

/** The donation day: who donated (with ml), who was deferred, and walk-ins (one with a unit, two without). */
export async function recordDay(ctx: AppContext, s: Awaited<ReturnType<typeof importedCampaign>>) {
  const date = '2026-05-28';
  const vols = [250, 350, 450] as const;
  let n = 0;
  for (const [u, list] of s.ids.entries()) {
    const own = u === 1 ? list.slice(0, -2) : list; // the two merged rows donate once, as their survivor
    for (const [i, personId] of own.entries()) {
      if (i % 4 === 3) await recordOutcome(ctx, { campaignId: s.campaign.id, personId, outcome: 'deferred', reason: 'Huyết áp thấp', date });
      else if (i % 5 !== 4) await recordOutcome(ctx, { campaignId: s.campaign.id, personId, outcome: 'donated', volumeMl: vols[n++ % 3], date });
    }
  }
  const walkIns = [
    { fullName: 'Lò Văn Sáng', gender: null, birthDate: '1992', unitId: null },
    { fullName: 'Hà Thị Hạnh', gender: 'F' as const, birthDate: '1996-04-02', unitId: null },
    { fullName: 'Nông Văn Đạt', gender: 'M' as const, birthDate: '1990-01-01', unitId: s.units[3].id },
  ];
  const walkInIds: number[] = [];
  for (const w of walkIns) {
    const r = await addWalkIn(ctx, { campaignId: s.campaign.id, ...w, createNew: true });
    if (!r.hit) throw new Error('walk-in not created');
    walkInIds.push(r.hit.personId);
    await recordOutcome(ctx, { campaignId: s.campaign.id, personId: r.hit.personId, outcome: 'donated', volumeMl: 350, date });
  }
  return { walkInIds };
}
