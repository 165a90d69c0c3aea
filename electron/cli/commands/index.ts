import type { CliCommand } from '../command';
import { dbCommands } from './db';
import { unitsCommands } from './units';
import { backupCommands } from './backup';

/** Each capability adds its commands here. */
export const commands: CliCommand[] = [...dbCommands, ...unitsCommands, ...backupCommands];
