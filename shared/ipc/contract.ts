import { joinContracts } from './define';
import { appChannels } from './channels/app';
import { unitsChannels } from './channels/units';
import { campaignsChannels } from './channels/campaigns';
import { backupChannels } from './channels/backup';
import { privacyChannels } from './channels/privacy';
import { securityChannels } from './channels/security';

/** THE list of channels. Each capability declares its own in channels/<capability>.ts and is joined here. */
export const contract = joinContracts(appChannels, unitsChannels, campaignsChannels, backupChannels, privacyChannels, securityChannels);
export type Contract = typeof contract;
export const channelNames = Object.keys(contract) as (keyof Contract & string)[];
