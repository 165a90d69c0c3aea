import { z } from 'zod';
import { channel } from '../define';

export const lockStatusSchema = z.object({
  enabled: z.boolean(),
  locked: z.boolean(),
  idleMinutes: z.number(),
});
export type LockStatus = z.output<typeof lockStatusSchema>;

const password = z.string().min(6, 'Mật khẩu cần ít nhất 6 ký tự.').max(200);

export const securityChannels = {
  'security:lockStatus': channel(z.object({}).default({}), lockStatusSchema),
  'security:setPassword': channel(
    z.object({ currentPassword: z.string().max(200).optional(), newPassword: password, idleMinutes: z.number().int().min(1).max(240).default(10) }),
    lockStatusSchema,
  ),
  'security:unlock': channel(z.object({ password: z.string().max(200) }), lockStatusSchema),
  'security:lock': channel(z.object({}).default({}), lockStatusSchema),
  /** The clerk is working (typing, clicking) without calling the api: keeps main's idle timer in step. */
  'security:activity': channel(z.object({}).default({}), lockStatusSchema),
  'security:clearPassword': channel(z.object({ currentPassword: z.string().max(200) }), lockStatusSchema),
};
