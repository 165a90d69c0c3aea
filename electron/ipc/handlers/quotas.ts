import type { HandlerMap } from '../handler-types';
import { getQuotaTable, saveQuotas } from '../../services/quotas/quotas';
import { proposeQuotas } from '../../services/quotas/propose';
import { importQuotasFromExcel } from '../../services/quotas/import-quotas';
import { exportQuotasExcel } from '../../services/quotas/export-quotas';

export const quotasHandlers: HandlerMap<'quotas:get' | 'quotas:save' | 'quotas:propose' | 'quotas:importExcel' | 'quotas:exportExcel'> = {
  'quotas:get': (ctx, { campaignId }) => getQuotaTable(ctx, campaignId),
  'quotas:save': (ctx, args) => saveQuotas(ctx, args),
  'quotas:propose': (ctx, args) => proposeQuotas(ctx, args),
  'quotas:importExcel': (ctx, { campaignId, file, createUnits, resolutions }) => importQuotasFromExcel(ctx, campaignId, file.name, Buffer.from(file.dataBase64, 'base64'), { createUnits, resolutions }),
  'quotas:exportExcel': (ctx, { campaignId }) => exportQuotasExcel(ctx, campaignId),
};
