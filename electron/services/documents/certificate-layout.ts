import type { ServiceContext } from '../context';
import { getSetting, setSetting } from '../settings/settings';
import { appendAudit } from '../audit/audit-log';
import { certificateLayoutSchema, type CertificateLayout } from '../../../shared/ipc/channels/documents';

const KEY = 'documents.certificateLayouts';

/** Field positions (mm from the sheet's top-left) for the Ministry's pre-printed form; adjust per printer. */
export const DEFAULT_CERTIFICATE_LAYOUT: CertificateLayout = {
  pageSize: 'A5',
  orientation: 'landscape',
  offsetX: 0,
  offsetY: 0,
  fields: {
    fullName: { x: 62, y: 50, size: 14, width: 130 },
    birthYear: { x: 62, y: 60, size: 13, width: 40 },
    nationalId: { x: 130, y: 60, size: 13, width: 65 },
    address: { x: 62, y: 70, size: 12, width: 135 },
    unit: { x: 62, y: 80, size: 12, width: 135 },
    facility: { x: 62, y: 90, size: 12, width: 135 },
    volume: { x: 62, y: 100, size: 13, width: 40 },
    day: { x: 122, y: 112, size: 12, width: 12 },
    month: { x: 146, y: 112, size: 12, width: 12 },
    year: { x: 168, y: 112, size: 12, width: 20 },
  },
};

/** Saved layouts by printer name. */
async function allLayouts(ctx: ServiceContext): Promise<Record<string, CertificateLayout>> {
  return getSetting<Record<string, CertificateLayout>>(ctx.data.read, KEY) ?? {};
}

export async function listPrinters(ctx: ServiceContext): Promise<string[]> {
  return Object.keys(await allLayouts(ctx)).sort();
}

export async function getCertificateLayout(ctx: ServiceContext, printerName: string): Promise<CertificateLayout> {
  const saved = (await allLayouts(ctx))[printerName.normalize('NFC')];
  if (!saved) return structuredClone(DEFAULT_CERTIFICATE_LAYOUT);
  return { ...DEFAULT_CERTIFICATE_LAYOUT, ...saved, fields: { ...DEFAULT_CERTIFICATE_LAYOUT.fields, ...saved.fields } };
}

export async function saveCertificateLayout(ctx: ServiceContext, printerName: string, layout: CertificateLayout): Promise<CertificateLayout> {
  const v = certificateLayoutSchema.parse(layout);
  const all = await allLayouts(ctx);
  all[printerName.normalize('NFC')] = v;
  ctx.data.write((w) => {
    setSetting(w, KEY, all);
    appendAudit(w, { action: 'documents.certificateLayout', detail: 'Cập nhật vị trí in phôi giấy chứng nhận' });
  });
  return v;
}
