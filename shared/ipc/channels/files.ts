import { z } from 'zod';

/** A file handed from the renderer (picked or dropped): its name and its bytes, base64. */
export const fileUploadSchema = z.object({
  name: z.string().min(1).max(255),
  dataBase64: z.string().max(200 * 1024 * 1024),
});
export type FileUpload = z.output<typeof fileUploadSchema>;

/** A file produced for the clerk to save (PDF, Excel). */
export const fileDownloadSchema = z.object({
  name: z.string(),
  mime: z.string(),
  dataBase64: z.string(),
});
export type FileDownload = z.output<typeof fileDownloadSchema>;
