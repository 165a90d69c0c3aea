import { z } from 'zod';
import { channel } from '../define';
import { unitKindValues } from '../../domain/unit-kinds';
import { fileUploadSchema } from './files';

export const unitSchema = z.object({
  id: z.number(),
  parentId: z.number().nullable(),
  name: z.string(),
  shortName: z.string().nullable(),
  kind: z.enum(unitKindValues),
  grouping: z.string().nullable(),
  sortOrder: z.number(),
  archived: z.boolean(),
  /** Other names plans and lists use for this unit ("CATP", "P. Vĩnh Trại"); matched with accents, case and abbreviations folded. */
  aliases: z.array(z.string()).default([]),
});
export type Unit = z.output<typeof unitSchema>;

export const unitInputSchema = z.object({
  name: z.string().trim().min(1, 'Tên đơn vị không được để trống.').max(200),
  shortName: z.string().trim().max(50).nullable().default(null),
  kind: z.enum(unitKindValues).default('other'),
  grouping: z.string().trim().max(100).nullable().default(null),
  parentId: z.number().int().nullable().default(null),
  aliases: z.array(z.string().trim().min(1).max(200)).max(50).optional(),
});
export type UnitInput = z.input<typeof unitInputSchema>;

export const unitImportResultSchema = z.object({
  created: z.number(),
  updated: z.number(),
  skipped: z.array(z.object({ row: z.number(), reason: z.string() })),
  /** Every source row: a unit, an ignored row (title, header, total, blank…) with its reason, or an error. */
  ledger: z.array(z.object({ row: z.number(), kind: z.string(), reason: z.string().optional(), name: z.string().optional() })).default([]),
  counts: z.record(z.string(), z.number()).default({}),
});

export const unitsChannels = {
  'units:list': channel(z.object({ includeArchived: z.boolean().default(false) }).default({ includeArchived: false }), z.array(unitSchema)),
  'units:create': channel(unitInputSchema, unitSchema),
  'units:update': channel(unitInputSchema.partial().extend({ id: z.number().int() }), unitSchema),
  'units:move': channel(z.object({ id: z.number().int(), parentId: z.number().int().nullable(), index: z.number().int().min(0) }), z.array(unitSchema)),
  'units:archive': channel(z.object({ id: z.number().int(), archived: z.boolean() }), unitSchema),
  'units:importExcel': channel(fileUploadSchema, unitImportResultSchema),
};
