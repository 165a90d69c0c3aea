import type { HandlerMap } from '../handler-types';
import { findPeople } from '../../services/privacy/people-lookup';
import { correctPerson } from '../../services/privacy/correct-person';
import { erasePerson } from '../../services/privacy/erase-person';
import { listAudit, verifyAudit } from '../../services/privacy/audit-reader';
import { recordExport } from '../../services/audit/export-log';

export const privacyHandlers: HandlerMap<'privacy:findPeople' | 'privacy:correctPerson' | 'privacy:erasePerson' | 'audit:list' | 'audit:recordExport' | 'audit:verify'> = {
  'privacy:findPeople': (ctx, args) => findPeople(ctx, args.query),
  'privacy:correctPerson': (ctx, args) => correctPerson(ctx, args),
  'privacy:erasePerson': (ctx, args) => erasePerson(ctx, args.id, args.mode),
  'audit:list': (ctx, args) => listAudit(ctx, args),
  'audit:recordExport': (ctx, args) => recordExport(ctx, args),
  'audit:verify': (ctx) => verifyAudit(ctx),
};
