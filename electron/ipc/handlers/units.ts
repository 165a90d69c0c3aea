import type { HandlerMap } from '../handler-types';
import { archiveUnit, createUnit, listUnits, moveUnit, updateUnit } from '../../services/units/units';
import { importUnitsFromExcel } from '../../services/units/import-units';

export const unitsHandlers: HandlerMap<'units:list' | 'units:create' | 'units:update' | 'units:move' | 'units:archive' | 'units:importExcel'> = {
  'units:list': (ctx, args) => listUnits(ctx, args),
  'units:create': (ctx, args) => createUnit(ctx, args),
  'units:update': (ctx, args) => updateUnit(ctx, args),
  'units:move': (ctx, args) => moveUnit(ctx, args),
  'units:archive': (ctx, args) => archiveUnit(ctx, args),
  'units:importExcel': (ctx, args) => importUnitsFromExcel(ctx, args.name, Buffer.from(args.dataBase64, 'base64')),
};
