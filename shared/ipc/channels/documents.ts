import { z } from 'zod';
import { channel } from '../define';
import { fileDownloadSchema } from './files';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng năm-tháng-ngày.');

export const DOCUMENT_TYPES = {
  plan: 'Kế hoạch',
  invitations: 'Giấy mời',
  certificates: 'Giấy chứng nhận hiến máu (in lên phôi)',
  'honour-certificates': 'Giấy chứng nhận tôn vinh',
  'signature-list': 'Danh sách ký nhận tiền hỗ trợ',
  'result-report': 'Báo cáo kết quả',
  'honour-list': 'Danh sách đề nghị khen thưởng',
  'unit-registrants': 'Danh sách đăng ký theo đơn vị',
  'eligible-donors': 'Danh sách đủ điều kiện hiến lại',
  calibration: 'Trang căn chỉnh phôi giấy chứng nhận',
} as const;
export const documentTypeSchema = z.enum(Object.keys(DOCUMENT_TYPES) as [keyof typeof DOCUMENT_TYPES, ...(keyof typeof DOCUMENT_TYPES)[]]);
export type DocumentType = z.output<typeof documentTypeSchema>;

export const signerSchema = z.object({
  authorityLine: z.string().trim().max(200),
  title: z.string().trim().max(200),
  name: z.string().trim().max(100),
});

export const documentTemplatesSchema = z.object({
  planIntro: z.string().max(5000),
  planBody: z.string().max(100_000),
  planRecipients: z.array(z.string().max(300)).max(50),
  reportNarrative: z.string().max(50_000),
  reportRecipients: z.array(z.string().max(300)).max(50),
  invitationBody: z.string().max(10_000),
});
export type DocumentTemplates = z.output<typeof documentTemplatesSchema>;

export const certificateFieldSchema = z.object({ x: z.number().min(0).max(420), y: z.number().min(0).max(420), size: z.number().min(6).max(30), width: z.number().min(10).max(400) });
export const CERTIFICATE_FIELDS = {
  fullName: 'Họ và tên',
  birthYear: 'Năm sinh',
  nationalId: 'Số CCCD',
  address: 'Địa chỉ',
  unit: 'Đơn vị',
  facility: 'Nơi hiến máu',
  volume: 'Lượng máu (ml)',
  day: 'Ngày',
  month: 'Tháng',
  year: 'Năm',
} as const;
export type CertificateFieldName = keyof typeof CERTIFICATE_FIELDS;
export const certificateLayoutSchema = z.object({
  pageSize: z.enum(['A4', 'A5']),
  orientation: z.enum(['portrait', 'landscape']),
  /** Whole-sheet shift for this printer, mm. */
  offsetX: z.number().min(-50).max(50),
  offsetY: z.number().min(-50).max(50),
  fields: z.record(z.enum(Object.keys(CERTIFICATE_FIELDS) as [CertificateFieldName, ...CertificateFieldName[]]), certificateFieldSchema),
});
export type CertificateLayout = z.output<typeof certificateLayoutSchema>;

export const generateOptionsSchema = z.object({
  campaignId: z.number().int(),
  type: documentTypeSchema,
  /** Date written on the document (default: today). */
  issuedOn: isoDate.optional(),
  /** Give the document its number and record it (otherwise a draft/preview). */
  issue: z.boolean().default(false),
  subject: z.string().trim().max(500).optional(),
  intro: z.string().max(5000).optional(),
  body: z.string().max(100_000).optional(),
  recipients: z.array(z.string().max(300)).max(50).optional(),
  signer: signerSchema.optional(),
  /** Invitations: one per person or one per unit. */
  invitationMode: z.enum(['person', 'unit']).default('unit'),
  /** Lists for one unit only. */
  unitId: z.number().int().optional(),
  format: z.enum(['pdf', 'xlsx']).default('pdf'),
  /** Certificates: the printer whose field positions apply, the serial of the first form in the tray. */
  printerName: z.string().trim().max(200).default('Mặc định'),
  startSerial: z.string().trim().max(40).optional(),
  /** Certificates: only these donations (default: every donation of the campaign). */
  donationIds: z.array(z.number().int()).optional(),
  /** Certificates: reprint for a voided serial. */
  reissueOf: z.string().trim().max(40).optional(),
});
export type GenerateOptions = z.input<typeof generateOptionsSchema>;

export const generatedDocumentSchema = z.object({
  file: fileDownloadSchema,
  pages: z.number(),
  numberText: z.string().nullable(),
  serials: z.array(z.string()),
  warnings: z.array(z.string()),
});
export type GeneratedDocument = z.output<typeof generatedDocumentSchema>;

export const documentDefaultsSchema = z.object({
  subject: z.string(),
  intro: z.string(),
  body: z.string(),
  recipients: z.array(z.string()),
  signer: signerSchema,
  nextNumberText: z.string().nullable(),
  placeholders: z.record(z.string(), z.string()),
});

export const certificateSerialSchema = z.object({
  id: z.number(),
  serial: z.string(),
  personName: z.string(),
  status: z.enum(['issued', 'void']),
  issuedOn: z.string(),
  voidReason: z.string().nullable(),
  reissueOf: z.string().nullable(),
  donationId: z.number().nullable(),
  /** A void serial that has already been printed again on another form. */
  reissued: z.boolean(),
});

export const issuedDocumentSchema = z.object({
  id: z.number(), docType: z.string(), year: z.number(), number: z.number(), numberText: z.string(), issuedOn: z.string(), title: z.string(),
});

export const documentsChannels = {
  'documents:templates': channel(z.object({}).default({}), documentTemplatesSchema),
  'documents:saveTemplates': channel(documentTemplatesSchema, documentTemplatesSchema),
  'documents:defaults': channel(z.object({ campaignId: z.number().int(), type: documentTypeSchema }), documentDefaultsSchema),
  'documents:generate': channel(generateOptionsSchema, z.object({ jobId: z.string() })),
  'documents:printers': channel(z.object({}).default({}), z.array(z.string())),
  'documents:certificateLayout': channel(z.object({ printerName: z.string().trim().min(1).max(200) }), certificateLayoutSchema),
  'documents:saveCertificateLayout': channel(z.object({ printerName: z.string().trim().min(1).max(200), layout: certificateLayoutSchema }), certificateLayoutSchema),
  'documents:serials': channel(z.object({ campaignId: z.number().int() }), z.array(certificateSerialSchema)),
  'documents:voidSerial': channel(z.object({ serial: z.string().trim().min(1).max(40), reason: z.string().trim().min(1, 'Hãy ghi lý do huỷ số phôi.').max(300) }), z.object({ serial: z.string() })),
  'documents:issued': channel(z.object({ year: z.number().int().optional() }).default({}), z.array(issuedDocumentSchema)),
};
