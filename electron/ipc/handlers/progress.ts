import type { HandlerMap } from '../handler-types';
import { getProgress } from '../../services/progress/progress';
import { exportProgressExcel } from '../../services/progress/export-progress';

export const progressHandlers: HandlerMap<'progress:get' | 'progress:exportExcel'> = {
  'progress:get': (ctx, args) => getProgress(ctx, args),
  'progress:exportExcel': (ctx, args) => exportProgressExcel(ctx, args),
};
