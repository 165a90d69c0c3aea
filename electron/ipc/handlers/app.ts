import type { HandlerMap } from '../handler-types';
import { getAppInfo } from '../../services/app-info';
import { getOffice, saveOffice } from '../../services/settings/office';

export const appHandlers: HandlerMap<'app:info' | 'settings:getOffice' | 'settings:saveOffice' | 'jobs:status' | 'jobs:cancel'> = {
  'app:info': (ctx) => getAppInfo(ctx),
  'settings:getOffice': (ctx) => getOffice(ctx),
  'settings:saveOffice': (ctx, args) => saveOffice(ctx, args),
  'jobs:status': (ctx, { id }) => ctx.jobs.status(id),
  'jobs:cancel': (ctx, { id }) => ({ cancelled: ctx.jobs.cancel(id) }),
};
