import { inTransaction, type ServiceContext } from '../context';
import type { ResultImport, ResultRow } from '../../../shared/ipc/channels/donation-day';
import { AppError } from '../../../shared/errors/app-error';
import { idKey, phoneKey } from '../../../shared/domain/people/identity';
import { getCampaign } from '../campaigns/campaigns';
import { appendAudit } from '../audit/audit-log';
import { updatePerson } from '../people/write-person';
import { checkinIndex } from './checkin-index';
import { buildMatcher, loadRegistrants, MATCH_RULE_LABELS, type MatchRule } from './match-results';
import { readResultList } from './read-results';
import { outcomeBatch, writeOutcome } from './record-outcome';
import { createWalkIn, findPossibleSelves } from './walk-in';
import { campaignDonation, hitFor, intervalDays } from './person-state';
import { clearReview, saveReview } from './result-reviews';

const outcomeOf = (r: ResultRow) => ({ outcome: r.outcome, volumeMl: r.volumeMl, reason: r.reason, certificateSerial: r.outcome === 'donated' ? r.certificateSerial : null });

const OUTCOME_WORDS = (o: { outcome: string; volume_ml?: number | null; volumeMl?: number | null }) =>
  o.outcome === 'donated' ? `đã hiến ${o.volume_ml ?? o.volumeMl ?? '?'} ml` : 'hoãn hiến';

/**
 * Imports the blood facility's result list instead of typing. Every row the data decides is recorded
 * (again on re-import, without doubling): matched to its registered person (the rule kept on the
 * donation), or recorded as a walk-in when nobody registered fits. Rows two people could share, rows
 * with a name only, and rows that disagree with what was entered at the desk are kept for the clerk
 * (table result_reviews) until resolved; nothing is overwritten without them.
 */
export async function importResults(ctx: ServiceContext, campaignId: number, fileName: string, data: Buffer): Promise<ResultImport> {
  const c = await getCampaign(ctx, campaignId);
  const { rows, skipped, ignored } = await readResultList(fileName, data);
  const out: ResultImport = { file: fileName, rows: rows.length, matched: 0, walkIns: [], unmatched: [], skipped: [...skipped], ignored, rules: {} };
  await inTransaction(ctx, async (tx) => {
    const sqlite = tx.sqlite;
    const match = buildMatcher(loadRegistrants(sqlite, c.id));
    const index = checkinIndex(tx, c.id);
    const interval = intervalDays(sqlite, c.id);
    const batch = await outcomeBatch(tx, c.id);
    const now = ctx.now().toISOString();
    const settled = new Map(
      (sqlite.prepare('SELECT source_row, person_id FROM donations WHERE campaign_id = ? AND source_file = ?').all(c.id, fileName) as { source_row: number; person_id: number }[]).map((x) => [x.source_row, x.person_id]),
    );
    const resolvedByClerk = new Set(
      (sqlite.prepare('SELECT row FROM result_reviews WHERE campaign_id = ? AND file = ? AND resolved_at IS NOT NULL').all(c.id, fileName) as { row: number }[]).map((x) => x.row),
    );
    const review = (r: ResultRow, kind: 'ambiguous' | 'no_identity' | 'difference', problem: string, personIds: number[]) => {
      saveReview(sqlite, { campaignId: c.id, file: fileName, row: r, kind, problem, candidateIds: personIds }, now);
      const candidates = personIds.map((id) => index.byPerson.get(batch.resolve(id))).filter((e) => e !== undefined).map((e) => hitFor(sqlite, c.id, e, interval));
      out.unmatched.push({ ...r, problem, candidates, kind });
    };
    for (const r of rows) {
      const source = { file: fileName, row: r.row };
      // A row the clerk already settled stays as they settled it.
      if (resolvedByClerk.has(r.row)) {
        out.matched++;
        continue;
      }
      const m = match(r);
      if (m.kind === 'matched') {
        const entry = index.byPerson.get(batch.resolve(m.personId));
        if (!entry) throw new AppError('INTERNAL', `Dòng ${r.row}: không tìm thấy đăng ký của người đã khớp. Hãy thử nhập lại.`);
        const family = batch.family(entry.personId);
        const desk = campaignDonation(sqlite, c.id, family);
        // entered at the desk (no source file) and different: the clerk chooses, nothing is overwritten
        if (desk && desk.source_file === null && (desk.outcome !== r.outcome || (r.outcome === 'donated' && desk.volume_ml !== r.volumeMl))) {
          review(r, 'difference', `Dòng ${r.row}: tại bàn đã ghi "${OUTCOME_WORDS(desk)}", danh sách của cơ sở máu ghi "${OUTCOME_WORDS({ outcome: r.outcome, volumeMl: r.volumeMl })}". Hãy chọn kết quả đúng.`, [entry.personId]);
          continue;
        }
        await writeOutcome(tx, { campaignId: c.id, personId: entry.personId, registrationId: entry.registrationId, ...outcomeOf(r) }, source, batch);
        sqlite.prepare('UPDATE donations SET match_rule = ? WHERE campaign_id = ? AND source_file = ? AND source_row = ?').run(m.by, c.id, fileName, r.row);
        // The facility's tested blood group is the person's blood group.
        if (r.bloodGroup) updatePerson(sqlite, entry.personId, { blood_group: r.bloodGroup }, now);
        clearReview(sqlite, c.id, fileName, r.row);
        out.matched++;
        out.rules![m.by] = (out.rules![m.by] ?? 0) + 1;
      } else if (m.kind === 'ambiguous') {
        review(r, 'ambiguous', `Dòng ${r.row}: ${m.reason}; hãy chọn đúng người hoặc ghi là hiến tại chỗ.`, m.personIds);
      } else if (!idKey(r.nationalId) && !phoneKey(r.phone) && !r.birthYear) {
        review(r, 'no_identity', `Dòng ${r.row}: chỉ có họ tên, không đủ để đối chiếu; hãy chọn người hoặc ghi là hiến tại chỗ.`, []);
      } else {
        // Nobody of the campaign: a walk-in, the same person as in earlier years when the registry knows their ID.
        const known = findPossibleSelves(sqlite, { fullName: r.fullName, phone: null, nationalId: idKey(r.nationalId), birthYear: null });
        const prior = settled.get(r.row);
        const { personId, registrationId } = await createWalkIn(
          tx,
          {
            campaignId: c.id, fullName: r.fullName, gender: r.gender, birthDate: r.birthYear ? String(r.birthYear) : null, phone: r.phone, nationalId: r.nationalId,
            address: r.unitText, bloodGroup: r.bloodGroup, usePersonId: prior ?? (known.length === 1 ? known[0].id : null), createNew: true,
          },
          { resultFile: fileName, resultRow: r.row, unitText: r.unitText },
        );
        await writeOutcome(tx, { campaignId: c.id, personId, registrationId, ...outcomeOf(r) }, source, batch);
        if (r.bloodGroup) updatePerson(sqlite, personId, { blood_group: r.bloodGroup }, now);
        clearReview(sqlite, c.id, fileName, r.row);
        out.walkIns.push({ ...r, personId });
      }
    }
    const byRule = Object.entries(out.rules ?? {}).map(([k, n]) => `${MATCH_RULE_LABELS[k as MatchRule] ?? k}: ${n}`).join('; ');
    appendAudit(sqlite, { action: 'results.import', entity: 'campaign', entityId: c.id, detail: `${rows.length} dòng, khớp ${out.matched} (${byRule}), hiến tại chỗ ${out.walkIns.length}, cần xem ${out.unmatched.length}` });
  });
  return out;
}

/** Settles a reviewed row: to the chosen registration, or as a walk-in (registrationId null). */
export async function resolveResultRow(ctx: ServiceContext, args: { campaignId: number; file: string; row: ResultRow; registrationId: number | null }) {
  const c = await getCampaign(ctx, args.campaignId);
  const source = { file: args.file, row: args.row.row };
  const personId = await inTransaction(ctx, async (tx) => {
    const sqlite = tx.sqlite;
    // A walk-in created for this row earlier is removed when the clerk links the row to a registration.
    const prior = sqlite.prepare('SELECT id, person_id, registration_id FROM donations WHERE campaign_id = ? AND source_file = ? AND source_row = ?').get(c.id, args.file, args.row.row) as { id: number; person_id: number; registration_id: number | null } | undefined;
    let pid: number;
    let rid: number | null = args.registrationId;
    if (rid !== null) {
      const reg = sqlite.prepare("SELECT person_id FROM registrations WHERE id = ? AND campaign_id = ? AND status = 'active'").get(rid, c.id) as { person_id: number } | undefined;
      if (!reg) throw new AppError('REGISTRATION_NOT_FOUND', 'Đăng ký đã chọn không thuộc đợt này. Hãy tìm lại người.');
      pid = reg.person_id;
    } else {
      ({ personId: pid, registrationId: rid } = await createWalkIn(
        tx,
        { campaignId: c.id, fullName: args.row.fullName, gender: args.row.gender ?? null, birthDate: args.row.birthYear ? String(args.row.birthYear) : null, phone: args.row.phone, nationalId: args.row.nationalId, address: args.row.unitText ?? null, bloodGroup: args.row.bloodGroup ?? null, createNew: true },
        { resultFile: args.file, resultRow: args.row.row, unitText: args.row.unitText ?? null },
      ));
    }
    if (prior && prior.person_id !== pid) {
      sqlite.prepare('UPDATE certificate_serials SET donation_id = NULL WHERE donation_id = ?').run(prior.id);
      sqlite.prepare('DELETE FROM deferrals WHERE donation_id = ?').run(prior.id);
      sqlite.prepare('DELETE FROM donations WHERE id = ?').run(prior.id);
      const walkInReg = sqlite.prepare('SELECT id, raw FROM registrations WHERE id = ? AND batch_id IS NULL AND source_file IS NULL').get(prior.registration_id ?? -1) as { id: number; raw: string } | undefined;
      if (walkInReg && JSON.parse(walkInReg.raw).resultFile === args.file) sqlite.prepare("UPDATE registrations SET status = 'removed' WHERE id = ?").run(walkInReg.id);
    }
    await writeOutcome(tx, { campaignId: c.id, personId: pid, registrationId: rid, ...outcomeOf(args.row) }, source);
    sqlite.prepare("UPDATE donations SET match_rule = 'clerk' WHERE campaign_id = ? AND source_file = ? AND source_row = ?").run(c.id, args.file, args.row.row);
    if (args.row.bloodGroup) updatePerson(sqlite, pid, { blood_group: args.row.bloodGroup }, ctx.now().toISOString());
    sqlite.prepare('UPDATE result_reviews SET resolved_at = ? WHERE campaign_id = ? AND file = ? AND row = ?').run(ctx.now().toISOString(), c.id, args.file, args.row.row);
    return pid;
  });
  const entry = checkinIndex(ctx, c.id).byPerson.get(personId);
  return hitFor(ctx.sqlite, c.id, entry!);
}
