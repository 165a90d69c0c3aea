import type { CliCommand } from '../command';
import { dbCommands } from './db';
import { unitsCommands } from './units';

/** Each capability adds its commands here. */
export const commands: CliCommand[] = [...dbCommands, ...unitsCommands];
