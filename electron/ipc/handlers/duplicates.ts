import type { HandlerMap } from '../handler-types';
import { startMatchJob } from '../../services/duplicates/run-match';
import { listCandidates } from '../../services/duplicates/list-candidates';
import { mergePeople } from '../../services/duplicates/merge';
import { listMerges, undoMerge } from '../../services/duplicates/undo-merge';
import { decidePair } from '../../services/duplicates/decisions';
import { getCreditRule, setCreditRule, setCreditedRegistration } from '../../services/duplicates/credit';
import { bulkMerge, bulkMergeSummary, undoBulkMerge } from '../../services/duplicates/bulk-merge';
import { exportUnitFeedback, unitDuplicateCounts } from '../../services/duplicates/feedback-export';

type DuplicateChannels =
  | 'duplicates:match'
  | 'duplicates:list'
  | 'duplicates:merge'
  | 'duplicates:undoMerge'
  | 'duplicates:merges'
  | 'duplicates:decide'
  | 'duplicates:setCredited'
  | 'duplicates:getCreditRule'
  | 'duplicates:setCreditRule'
  | 'duplicates:bulkSummary'
  | 'duplicates:bulkMerge'
  | 'duplicates:undoBulkMerge'
  | 'duplicates:units'
  | 'duplicates:exportFeedback';

export const duplicatesHandlers: HandlerMap<DuplicateChannels> = {
  'duplicates:match': (ctx, args) => startMatchJob(ctx, args.campaignId),
  'duplicates:list': (ctx, args) => listCandidates(ctx, args),
  'duplicates:merge': (ctx, args) => mergePeople(ctx, args),
  'duplicates:undoMerge': (ctx, args) => undoMerge(ctx, args.mergeId),
  'duplicates:merges': (ctx, args) => listMerges(ctx, args.campaignId),
  'duplicates:decide': (ctx, args) => decidePair(ctx, args),
  'duplicates:setCredited': (ctx, args) => setCreditedRegistration(ctx, args.registrationId),
  'duplicates:getCreditRule': (ctx) => ({ rule: getCreditRule(ctx.data.read) }),
  'duplicates:setCreditRule': (ctx, args) => setCreditRule(ctx, args.rule),
  'duplicates:bulkSummary': (ctx, args) => bulkMergeSummary(ctx, args.campaignId),
  'duplicates:bulkMerge': (ctx, args) => bulkMerge(ctx, args.campaignId),
  'duplicates:undoBulkMerge': (ctx, args) => undoBulkMerge(ctx, args.batchId),
  'duplicates:units': (ctx, args) => unitDuplicateCounts(ctx, args.campaignId),
  'duplicates:exportFeedback': (ctx, args) => exportUnitFeedback(ctx, args.campaignId, args.unitId),
};
