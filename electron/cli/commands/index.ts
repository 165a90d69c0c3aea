import type { CliCommand } from '../command';
import { duplicatesCommands } from './duplicates';
import { dbCommands } from './db';
import { unitsCommands } from './units';
import { campaignsCommands } from './campaigns';
import { quotasCommands } from './quotas';
import { progressCommands } from './progress';
import { resultsCommands } from './results';
import { exportDonationsCommands } from './export-donations';
import { backupCommands } from './backup';
import { printCommands } from './print';
import { importCommands } from './import';
import { officeCommands } from './office';

/** Each capability adds its commands here. */
export const commands: CliCommand[] = [...dbCommands, ...unitsCommands, ...campaignsCommands, ...quotasCommands, ...progressCommands, ...resultsCommands, ...exportDonationsCommands, ...backupCommands, ...duplicatesCommands, ...printCommands, ...importCommands, ...officeCommands];
