import type { HandlerMap } from '../handler-types';
import { searchDonors } from '../../services/donors/search-donors';
import { getPersonPage } from '../../services/donors/person-page';
import { eligibleDonors, exportEligibleExcel, markHonoured, milestoneList, rareAndReserve, setMilestones } from '../../services/donors/lists';
import { setReserve } from '../../services/donors/reserve';

export const donorsHandlers: HandlerMap<
  'donors:search' | 'donors:get' | 'donors:eligible' | 'donors:exportEligible' | 'donors:rare' | 'donors:setReserve' | 'donors:milestones' | 'donors:setMilestones' | 'donors:markHonoured'
> = {
  'donors:search': (ctx, args) => searchDonors(ctx, args),
  'donors:get': (ctx, { id }) => getPersonPage(ctx, id),
  'donors:eligible': (ctx, args) => eligibleDonors(ctx, args),
  'donors:exportEligible': (ctx, args) => exportEligibleExcel(ctx, args),
  'donors:rare': (ctx) => rareAndReserve(ctx),
  'donors:setReserve': (ctx, args) => setReserve(ctx, args),
  'donors:milestones': (ctx, args) => milestoneList(ctx, args),
  'donors:setMilestones': (ctx, { milestones }) => setMilestones(ctx, milestones),
  'donors:markHonoured': (ctx, args) => markHonoured(ctx, args),
};
