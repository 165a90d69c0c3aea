import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { ServiceContext } from '../../../electron/services/context';
import { saveOffice } from '../../../electron/services/settings/office';
import { createCampaign } from '../../../electron/services/campaigns/campaigns';
import { insertPerson } from '../../../electron/services/people/write-person';
import { q } from '../../../electron/db/query';

export const OFFICE = {
  officeName: 'Ban Chỉ đạo vận động hiến máu tình nguyện thành phố',
  parentBody: 'UBND thành phố Lạng Sơn',
  placeName: 'Lạng Sơn',
  signerName: 'Nguyễn Thị Hồng Vân',
  signerTitle: 'Phó Chủ tịch UBND',
  signerAuthority: 'KT.' as const,
  docSuffix: 'BCĐ',
};

export interface SeedPerson {
  name: string;
  gender: 'M' | 'F' | null;
  birth: string | null;
  unit: number;
  volume?: 250 | 350 | 450 | null;
  deferred?: boolean;
  prior?: number;
}

/** Office, a campaign, units with quotas, people (added by the people module), registrations and donations in the real SQLite file. */
export async function seedCampaign(ctx: ServiceContext, opts: { people?: SeedPerson[]; extraPeople?: number } = {}) {
  await saveOffice(ctx, OFFICE);
  const campaign = await createCampaign(ctx, {
    name: 'Ngày hội hiến máu “Hành trình đỏ - Giọt hồng Xứ Lạng”',
    slogan: 'Chương trình “Hành trình đỏ”',
    legalBases: ['Thực hiện Công văn số 02/BCĐ ngày 04/01/2024 của Ban Chỉ đạo vận động hiến máu tình nguyện tỉnh Lạng Sơn về việc giao chỉ tiêu hiến máu năm 2024;'],
    registrationDeadline: '2024-05-15',
    donationDates: ['2024-06-17'],
    donationTime: '6 giờ 30 phút',
    place: 'Hội trường Nhà Đa năng - UBND thành phố Lạng Sơn',
    bloodFacility: 'Viện Huyết học - Truyền máu Trung ương',
    targetRegistrants: 1000,
    targetBloodUnits: 550,
    ageMaxFemale: 55,
  });
  const now = '2024-06-01T00:00:00Z';
  const unitNames = ['Phòng Giáo dục và Đào tạo', 'Liên đoàn lao động', 'Đoàn thanh niên', 'Công an thành phố'];
  const units: number[] = [];
  ctx.data.write((w) => {
    for (const [i, name] of unitNames.entries()) {
      const u = w.run(q.insertInto('units').values({ name, kind: 'other', sort_order: i, created_at: now, updated_at: now })).lastInsertRowid;
      units.push(u);
      w.run(q.insertInto('quotas').values({ campaign_id: campaign.id, unit_id: u, month: 0, registrants: [200, 120, 180, 50][i], blood_units: [160, 100, 150, 40][i] }));
    }
  });
  const people: SeedPerson[] = opts.people ?? [
    { name: 'Nguyễn Thị Hồng Vân', gender: 'F', birth: '1990-03-05', unit: 0, volume: 350, prior: 9 },
    { name: 'Trần Văn Đức', gender: 'M', birth: '1985-11-20', unit: 0, volume: 450 },
    { name: 'Hoàng Thị Ánh Tuyết', gender: 'F', birth: '1999', unit: 1, volume: 250 },
    { name: 'Lê Quang Hưng', gender: 'M', birth: '2001-01-01', unit: 2, deferred: true },
    { name: 'Phạm Đình Ngọc Bảo Khuê Hoàng Thị Phương Thảo Nguyễn', gender: 'F', birth: '1995-07-07', unit: 2, volume: 350 },
  ];
  for (let i = 0; i < (opts.extraPeople ?? 0); i++) {
    people.push({ name: `Nguyễn Văn Thành ${String(i + 1).padStart(4, '0')}`, gender: i % 2 ? 'F' : 'M', birth: `${1970 + (i % 30)}-01-01`, unit: i % 4, volume: ([250, 350, 450] as const)[i % 3] });
  }
  const personIds: number[] = [];
  ctx.data.write((w) => {
    for (const p of people) {
      personIds.push(
        insertPerson(
          w,
          { full_name: p.name, gender: p.gender, birth_date: p.birth, national_id: '001090012345', phone: '0912345678', address: 'Phường Vĩnh Trại, Lạng Sơn', prior_donations: p.prior ?? null, home_unit_id: units[p.unit] },
          now,
        ),
      );
    }
    for (const [i, p] of people.entries()) {
      const reg = w.run(q.insertInto('registrations').values({ person_id: personIds[i], campaign_id: campaign.id, unit_id: units[p.unit], created_at: now })).lastInsertRowid;
      if (p.volume !== undefined || p.deferred) {
        w.run(
          q.insertInto('donations').values({
            person_id: personIds[i], campaign_id: campaign.id, registration_id: reg, donated_on: '2024-06-17',
            outcome: p.deferred ? 'deferred' : 'donated', volume_ml: p.deferred ? null : p.volume ?? null, created_at: now,
          }),
        );
      }
    }
  });
  return { campaign, units, personIds, people };
}

/** The PDF of a generated document. */
export const pdfOf = (r: { file: { dataBase64: string } }): Buffer => Buffer.from(r.file.dataBase64, 'base64');

/** Text with every run of white space made one space, for searching pdftotext output. */
export const squash = (s: string): string => s.replace(/\s+/g, ' ');

export function pdftotext(pdf: Buffer, dir: string, name = 'doc', extra: string[] = []): string {
  const file = path.join(dir, `${name}.pdf`);
  fs.writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', ...extra, file, '-'], { encoding: 'utf8' }).normalize('NFC');
}

export function pdfPages(pdf: Buffer, dir: string, name = 'doc'): string[] {
  return pdftotext(pdf, dir, name).split('\f').filter((p, i, a) => i < a.length - 1 || p.trim());
}

export function pdffonts(pdf: Buffer, dir: string, name = 'fonts'): string {
  const file = path.join(dir, `${name}.pdf`);
  fs.writeFileSync(file, pdf);
  return execFileSync('pdffonts', [file], { encoding: 'utf8' });
}

export function pdfinfo(pdf: Buffer, dir: string, name = 'info'): string {
  const file = path.join(dir, `${name}.pdf`);
  fs.writeFileSync(file, pdf);
  return execFileSync('pdfinfo', ['-f', '1', '-l', '999', file], { encoding: 'utf8' });
}
