import type { ServiceContext } from '../context';
import { q, sql, statement } from '../../db/query';
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
import { clearReview, markReviewResolved, saveReview } from './result-reviews';

const settledRows = statement<{ campaignId: number; file: string }, { source_row: number | null; person_id: number }>((p) =>
  q.selectFrom('donations').select(['source_row', 'person_id']).where('campaign_id', '=', p.campaignId).where('source_file', '=', p.file),
);
const clerkResolvedRows = statement<{ campaignId: number; file: string }, { row: number }>((p) =>
  q.selectFrom('result_reviews').select('row').where('campaign_id', '=', p.campaignId).where('file', '=', p.file).where('resolved_at', 'is not', null),
);
const setMatchRule = statement<{ rule: string; campaignId: number; file: string; row: number }>((p) =>
  q.updateTable('donations').set({ match_rule: p.rule }).where('campaign_id', '=', p.campaignId).where('source_file', '=', p.file).where('source_row', '=', p.row),
);
const donationOfRow = statement<{ campaignId: number; file: string; row: number }, { id: number; person_id: number; registration_id: number | null }>((p) =>
  q.selectFrom('donations').select(['id', 'person_id', 'registration_id']).where('campaign_id', '=', p.campaignId).where('source_file', '=', p.file).where('source_row', '=', p.row),
);
const activeRegistrationOf = statement<{ id: number; campaignId: number }, { person_id: number }>(
  (p) => sql<{ person_id: number }>`SELECT person_id FROM registrations WHERE id = ${p.id} AND campaign_id = ${p.campaignId} AND status = 'active'`,
);
const walkInRegistration = statement<{ id: number }, { id: number; raw: string }>(
  (p) => sql<{ id: number; raw: string }>`SELECT id, raw FROM registrations WHERE id = ${p.id} AND batch_id IS NULL AND source_file IS NULL`,
);

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
  ctx.data.write((w) => {
    const match = buildMatcher(loadRegistrants(w, c.id));
    const index = checkinIndex({ handle: w, caches: ctx.caches }, c.id);
    const interval = intervalDays(w, c.id);
    const batch = outcomeBatch(ctx, w, c.id);
    const now = ctx.now().toISOString();
    const settled = new Map(w.all(settledRows, { campaignId: c.id, file: fileName }).map((x) => [x.source_row, x.person_id]));
    const resolvedByClerk = new Set(w.column(clerkResolvedRows, { campaignId: c.id, file: fileName }));
    const review = (r: ResultRow, kind: 'ambiguous' | 'no_identity' | 'difference', problem: string, personIds: number[]) => {
      saveReview(w, { campaignId: c.id, file: fileName, row: r, kind, problem, candidateIds: personIds }, now);
      const candidates = personIds.map((id) => index.byPerson.get(batch.resolve(id))).filter((e) => e !== undefined).map((e) => hitFor(w, c.id, e, interval));
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
        const desk = campaignDonation(w, c.id, family);
        // entered at the desk (no source file) and different: the clerk chooses, nothing is overwritten
        if (desk && desk.source_file === null && (desk.outcome !== r.outcome || (r.outcome === 'donated' && desk.volume_ml !== r.volumeMl))) {
          review(r, 'difference', `Dòng ${r.row}: tại bàn đã ghi "${OUTCOME_WORDS(desk)}", danh sách của cơ sở máu ghi "${OUTCOME_WORDS({ outcome: r.outcome, volumeMl: r.volumeMl })}". Hãy chọn kết quả đúng.`, [entry.personId]);
          continue;
        }
        writeOutcome(ctx, w, { campaignId: c.id, personId: entry.personId, registrationId: entry.registrationId, ...outcomeOf(r) }, source, batch);
        w.run(setMatchRule, { rule: m.by, campaignId: c.id, file: fileName, row: r.row });
        // The facility's tested blood group is the person's blood group.
        if (r.bloodGroup) updatePerson(w, entry.personId, { blood_group: r.bloodGroup }, now);
        clearReview(w, c.id, fileName, r.row);
        out.matched++;
        out.rules![m.by] = (out.rules![m.by] ?? 0) + 1;
      } else if (m.kind === 'ambiguous') {
        review(r, 'ambiguous', `Dòng ${r.row}: ${m.reason}; hãy chọn đúng người hoặc ghi là hiến tại chỗ.`, m.personIds);
      } else if (!idKey(r.nationalId) && !phoneKey(r.phone) && !r.birthYear) {
        review(r, 'no_identity', `Dòng ${r.row}: chỉ có họ tên, không đủ để đối chiếu; hãy chọn người hoặc ghi là hiến tại chỗ.`, []);
      } else {
        // Nobody of the campaign: a walk-in, the same person as in earlier years when the registry knows their ID.
        const known = findPossibleSelves(w, { fullName: r.fullName, phone: null, nationalId: idKey(r.nationalId), birthYear: null });
        const prior = settled.get(r.row);
        const { personId, registrationId } = createWalkIn(
          ctx,
          w,
          {
            campaignId: c.id, fullName: r.fullName, gender: r.gender, birthDate: r.birthYear ? String(r.birthYear) : null, phone: r.phone, nationalId: r.nationalId,
            address: r.unitText, bloodGroup: r.bloodGroup, usePersonId: prior ?? (known.length === 1 ? known[0].id : null), createNew: true,
          },
          { resultFile: fileName, resultRow: r.row, unitText: r.unitText },
          batch.resolve,
        );
        writeOutcome(ctx, w, { campaignId: c.id, personId, registrationId, ...outcomeOf(r) }, source, batch);
        if (r.bloodGroup) updatePerson(w, personId, { blood_group: r.bloodGroup }, now);
        clearReview(w, c.id, fileName, r.row);
        out.walkIns.push({ ...r, personId });
      }
    }
    const byRule = Object.entries(out.rules ?? {}).map(([k, n]) => `${MATCH_RULE_LABELS[k as MatchRule] ?? k}: ${n}`).join('; ');
    appendAudit(w, { action: 'results.import', entity: 'campaign', entityId: c.id, detail: `${rows.length} dòng, khớp ${out.matched} (${byRule}), hiến tại chỗ ${out.walkIns.length}, cần xem ${out.unmatched.length}` });
  });
  return out;
}

/** Settles a reviewed row: to the chosen registration, or as a walk-in (registrationId null). */
export async function resolveResultRow(ctx: ServiceContext, args: { campaignId: number; file: string; row: ResultRow; registrationId: number | null }) {
  const c = await getCampaign(ctx, args.campaignId);
  const source = { file: args.file, row: args.row.row };
  const personId = ctx.data.write((w) => {
    // A walk-in created for this row earlier is removed when the clerk links the row to a registration.
    const prior = w.get(donationOfRow, { campaignId: c.id, file: args.file, row: args.row.row });
    let pid: number;
    let rid: number | null = args.registrationId;
    if (rid !== null) {
      const reg = w.get(activeRegistrationOf, { id: rid, campaignId: c.id });
      if (!reg) throw new AppError('REGISTRATION_NOT_FOUND', 'Đăng ký đã chọn không thuộc đợt này. Hãy tìm lại người.');
      pid = reg.person_id;
    } else {
      ({ personId: pid, registrationId: rid } = createWalkIn(
        ctx,
        w,
        { campaignId: c.id, fullName: args.row.fullName, gender: args.row.gender ?? null, birthDate: args.row.birthYear ? String(args.row.birthYear) : null, phone: args.row.phone, nationalId: args.row.nationalId, address: args.row.unitText ?? null, bloodGroup: args.row.bloodGroup ?? null, createNew: true },
        { resultFile: args.file, resultRow: args.row.row, unitText: args.row.unitText ?? null },
      ));
    }
    if (prior && prior.person_id !== pid) {
      w.run(q.updateTable('certificate_serials').set({ donation_id: null }).where('donation_id', '=', prior.id));
      w.run(q.deleteFrom('deferrals').where('donation_id', '=', prior.id));
      w.run(q.deleteFrom('donations').where('id', '=', prior.id));
      const walkInReg = w.get(walkInRegistration, { id: prior.registration_id ?? -1 });
      if (walkInReg && JSON.parse(walkInReg.raw).resultFile === args.file) w.run(q.updateTable('registrations').set({ status: 'removed' }).where('id', '=', walkInReg.id));
    }
    writeOutcome(ctx, w, { campaignId: c.id, personId: pid, registrationId: rid, ...outcomeOf(args.row) }, source);
    w.run(setMatchRule, { rule: 'clerk', campaignId: c.id, file: args.file, row: args.row.row });
    if (args.row.bloodGroup) updatePerson(w, pid, { blood_group: args.row.bloodGroup }, ctx.now().toISOString());
    markReviewResolved(w, c.id, args.file, args.row.row, ctx.now().toISOString());
    return pid;
  });
  const entry = checkinIndex(ctx, c.id).byPerson.get(personId);
  return hitFor(ctx.data.read, c.id, entry!);
}
