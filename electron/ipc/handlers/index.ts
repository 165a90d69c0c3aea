import type { AllHandlers } from '../handler-types';
import { duplicatesHandlers } from './duplicates';
import { appHandlers } from './app';
import { unitsHandlers } from './units';
import { campaignsHandlers } from './campaigns';
import { quotasHandlers } from './quotas';
import { progressHandlers } from './progress';
import { donationDayHandlers } from './donation-day';
import { donorsHandlers } from './donors';
import { backupHandlers } from './backup';
import { privacyHandlers } from './privacy';
import { securityHandlers } from './security';
import { documentsHandlers } from './documents';
import { importsHandlers } from './imports';

/** Every capability's handlers. The type demands one handler per contract channel. */
export const handlerParts = [appHandlers, unitsHandlers, campaignsHandlers, quotasHandlers, progressHandlers, donationDayHandlers, donorsHandlers, backupHandlers, privacyHandlers, securityHandlers, documentsHandlers, duplicatesHandlers, importsHandlers];

export function allHandlers(): AllHandlers {
  const all: Record<string, unknown> = {};
  for (const part of handlerParts) {
    for (const [name, fn] of Object.entries(part)) {
      if (name in all) throw new Error(`IPC handler registered twice: ${name}`);
      all[name] = fn;
    }
  }
  return all as AllHandlers;
}
