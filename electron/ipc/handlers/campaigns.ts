import type { HandlerMap } from '../handler-types';
import { copyCampaign, createCampaign, getCampaign, listCampaigns, updateCampaign } from '../../services/campaigns/campaigns';

export const campaignsHandlers: HandlerMap<'campaigns:list' | 'campaigns:get' | 'campaigns:create' | 'campaigns:update' | 'campaigns:copy'> = {
  'campaigns:list': (ctx, args) => listCampaigns(ctx, args),
  'campaigns:get': (ctx, { id }) => getCampaign(ctx, id),
  'campaigns:create': (ctx, args) => createCampaign(ctx, args),
  'campaigns:update': (ctx, args) => updateCampaign(ctx, args),
  'campaigns:copy': (ctx, args) => copyCampaign(ctx, args),
};
