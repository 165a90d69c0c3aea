import { inTransaction, type ServiceContext } from '../context';
import type { ResultImport, ResultRow } from '../../../shared/ipc/channels/donation-day';
import { AppError } from '../../../shared/errors/app-error';
import { getCampaign } from '../campaigns/campaigns';
import { appendAudit } from '../audit/audit-log';
import { checkinIndex } from './checkin-index';
import { buildMatcher } from './match-results';
import { readResultList } from './read-results';
import { outcomeBatch, writeOutcome } from './record-outcome';
import { createWalkIn, findPossibleSelves } from './walk-in';
import { hitFor, intervalDays } from './person-state';
import { normalizeNationalId } from './ids';

const outcomeOf = (r: ResultRow) => ({ outcome: r.outcome, volumeMl: r.volumeMl, reason: r.reason, certificateSerial: r.outcome === 'donated' ? r.certificateSerial : null });

/**
 * Imports the blood facility's result list instead of typing: each row matched to a registration is
 * recorded (again on re-import, without doubling); a row matching nobody is recorded as a walk-in
 * (reusing the person when the registry knows their ID number) and listed for review; a row matching
 * several people is not recorded and listed with its candidates.
 */
export async function importResults(ctx: ServiceContext, campaignId: number, fileName: string, data: Buffer): Promise<ResultImport> {
  const c = await getCampaign(ctx, campaignId);
  const { rows, skipped } = await readResultList(fileName, data);
  const out: ResultImport = { file: fileName, rows: rows.length, matched: 0, walkIns: [], unmatched: [], skipped: [...skipped] };
  await inTransaction(ctx, async (tx) => {
    const match = buildMatcher(checkinIndex(tx.sqlite, c.id).entries);
    const interval = intervalDays(tx.sqlite, c.id);
    const batch = await outcomeBatch(tx, c.id);
    const settledRows = new Set((tx.sqlite.prepare('SELECT source_row FROM donations WHERE campaign_id = ? AND source_file = ?').all(c.id, fileName) as { source_row: number }[]).map((x) => x.source_row));
    for (const r of rows) {
      const m = match(r);
      const source = { file: fileName, row: r.row };
      if (m.kind === 'matched') {
        await writeOutcome(tx, { campaignId: c.id, personId: m.entry.personId, registrationId: m.entry.registrationId, ...outcomeOf(r) }, source, batch);
        out.matched++;
      } else if (settledRows.has(r.row)) {
        out.matched++; // settled by the clerk after an earlier import of this list
      } else if (m.kind === 'ambiguous') {
        const problem = m.by === 'similar'
          ? `Dòng ${r.row}: gần giống ${m.candidates.length === 1 ? 'một người' : `${m.candidates.length} người`} đăng ký (${(m.reasons ?? []).join('; ')}); hãy xác nhận đúng người hoặc ghi là hiến tại chỗ.`
          : `Dòng ${r.row}: có ${m.candidates.length} người đăng ký khớp; hãy chọn đúng người.`;
        out.unmatched.push({ ...r, problem, candidates: m.candidates.map((e) => hitFor(tx.sqlite, c.id, e, interval)) });
      } else if (!normalizeNationalId(r.nationalId) && !r.phone && !r.birthYear) {
        out.unmatched.push({ ...r, problem: `Dòng ${r.row}: chỉ có họ tên, không đủ để đối chiếu; hãy chọn người hoặc ghi là hiến tại chỗ.`, candidates: [] });
      } else {
        const known = findPossibleSelves(tx.sqlite, { fullName: r.fullName, phone: null, nationalId: normalizeNationalId(r.nationalId), birthYear: null });
        const { personId, registrationId } = await createWalkIn(
          tx,
          { campaignId: c.id, fullName: r.fullName, birthDate: r.birthYear ? String(r.birthYear) : null, phone: r.phone, nationalId: r.nationalId, usePersonId: known.length === 1 ? known[0].id : null, createNew: true },
          { resultFile: fileName, resultRow: r.row },
        );
        await writeOutcome(tx, { campaignId: c.id, personId, registrationId, ...outcomeOf(r) }, source, batch);
        out.walkIns.push({ ...r, personId });
      }
    }
    appendAudit(tx.sqlite, { action: 'results.import', entity: 'campaign', entityId: c.id, detail: `${rows.length} dòng, khớp ${out.matched}, hiến tại chỗ ${out.walkIns.length}, cần xem ${out.unmatched.length}` });
  });
  return out;
}

/** Settles a reviewed row: to the chosen registration, or as a walk-in (registrationId null). */
export async function resolveResultRow(ctx: ServiceContext, args: { campaignId: number; file: string; row: ResultRow; registrationId: number | null }) {
  const c = await getCampaign(ctx, args.campaignId);
  const source = { file: args.file, row: args.row.row };
  const personId = await inTransaction(ctx, async (tx) => {
    // A walk-in created for this row earlier is removed when the clerk links the row to a registration.
    const prior = tx.sqlite.prepare('SELECT id, person_id, registration_id FROM donations WHERE campaign_id = ? AND source_file = ? AND source_row = ?').get(c.id, args.file, args.row.row) as { id: number; person_id: number; registration_id: number | null } | undefined;
    let pid: number;
    let rid: number | null = args.registrationId;
    if (rid !== null) {
      const reg = tx.sqlite.prepare("SELECT person_id FROM registrations WHERE id = ? AND campaign_id = ? AND status = 'active'").get(rid, c.id) as { person_id: number } | undefined;
      if (!reg) throw new AppError('REGISTRATION_NOT_FOUND', 'Đăng ký đã chọn không thuộc đợt này. Hãy tìm lại người.');
      pid = reg.person_id;
    } else {
      ({ personId: pid, registrationId: rid } = await createWalkIn(tx, { campaignId: c.id, fullName: args.row.fullName, birthDate: args.row.birthYear ? String(args.row.birthYear) : null, phone: args.row.phone, nationalId: args.row.nationalId, createNew: true }, { resultFile: args.file, resultRow: args.row.row }));
    }
    if (prior && prior.person_id !== pid) {
      tx.sqlite.prepare('UPDATE certificate_serials SET donation_id = NULL WHERE donation_id = ?').run(prior.id);
      tx.sqlite.prepare('DELETE FROM donations WHERE id = ?').run(prior.id);
      const walkInReg = tx.sqlite.prepare("SELECT id, raw FROM registrations WHERE id = ? AND batch_id IS NULL AND source_file IS NULL").get(prior.registration_id ?? -1) as { id: number; raw: string } | undefined;
      if (walkInReg && JSON.parse(walkInReg.raw).resultFile === args.file) tx.sqlite.prepare("UPDATE registrations SET status = 'removed' WHERE id = ?").run(walkInReg.id);
    }
    await writeOutcome(tx, { campaignId: c.id, personId: pid, registrationId: rid, ...outcomeOf(args.row) }, source);
    return pid;
  });
  const entry = checkinIndex(ctx.sqlite, c.id).byPerson.get(personId);
  return hitFor(ctx.sqlite, c.id, entry!);
}
