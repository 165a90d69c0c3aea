import type { ServiceContext } from '../context';
import { q } from '../../db/query';
import type { QuotaProposal } from '../../../shared/ipc/channels/quotas';
import { AppError } from '../../../shared/errors/app-error';
import { getCampaign } from '../campaigns/campaigns';
import { largestRemainder } from './largest-remainder';
import { unitResults } from '../progress/unit-results';

/**
 * "Đề xuất theo kết quả năm trước": the campaign's targets split over the units in proportion to their
 * results (blood units donated, or people registered) in an earlier campaign. Whole numbers, totals exact.
 * Nothing is saved: the clerk adjusts and saves.
 */
export async function proposeQuotas(ctx: ServiceContext, args: { campaignId: number; fromCampaignId: number; basis?: 'donated' | 'registered' }): Promise<QuotaProposal> {
  const c = await getCampaign(ctx, args.campaignId);
  const from = await getCampaign(ctx, args.fromCampaignId);
  if (c.targetRegistrants === null && c.targetBloodUnits === null) {
    throw new AppError('NO_TARGET', `Đợt "${c.name}" chưa có chỉ tiêu tổng (người đăng ký hoặc đơn vị máu). Hãy nhập chỉ tiêu của đợt trước khi đề xuất phân bổ.`);
  }
  const basis = args.basis ?? 'donated';
  const results = unitResults(ctx.data.read, from.id);
  const units = ctx.data.read.all(q.selectFrom('units').select(['id', 'name', 'archived']).orderBy('sort_order').orderBy('id'));
  const rows = units
    .filter((u) => u.archived === 0)
    .map((u) => ({ unitId: u.id, unitName: u.name, weight: (basis === 'donated' ? results.get(u.id)?.donated : results.get(u.id)?.afterDuplicates) ?? 0 }))
    .filter((r) => r.weight > 0);
  const basisTotal = rows.reduce((a, r) => a + r.weight, 0);
  if (basisTotal === 0) {
    const what = basis === 'donated' ? 'đơn vị máu tiếp nhận' : 'người đăng ký';
    throw new AppError('NO_RESULTS', `Đợt "${from.name}" chưa có kết quả (${what}) theo đơn vị nào nên không thể đề xuất. Hãy chọn một đợt đã có kết quả.`);
  }
  const weights = rows.map((r) => r.weight);
  const reg = c.targetRegistrants === null ? null : largestRemainder(c.targetRegistrants, weights);
  const blood = c.targetBloodUnits === null ? null : largestRemainder(c.targetBloodUnits, weights);
  return {
    entries: rows.map((r, i) => ({ unitId: r.unitId, month: 0, registrants: reg ? reg[i] : null, bloodUnits: blood ? blood[i] : null })),
    basis: rows,
    basisTotal,
  };
}
