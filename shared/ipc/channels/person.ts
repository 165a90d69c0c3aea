import { z } from 'zod';

/** A person's identity and contacts as screens show them; capabilities extend it with their own fields. */
export const personCoreSchema = z.object({
  id: z.number(),
  fullName: z.string(),
  gender: z.enum(['M', 'F']).nullable(),
  birthDate: z.string().nullable(),
  nationalId: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  workplace: z.string().nullable(),
  bloodGroup: z.string().nullable(),
});
