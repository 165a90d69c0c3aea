import { joinContracts } from './define';
import { duplicatesChannels } from './channels/duplicates';
import { appChannels } from './channels/app';
import { unitsChannels } from './channels/units';
import { campaignsChannels } from './channels/campaigns';
import { quotasChannels } from './channels/quotas';
import { progressChannels } from './channels/progress';
import { donationDayChannels } from './channels/donation-day';
import { donorsChannels } from './channels/donors';
import { backupChannels } from './channels/backup';
import { privacyChannels } from './channels/privacy';
import { securityChannels } from './channels/security';
import { documentsChannels } from './channels/documents';
import { importsChannels } from './channels/imports';

/** THE list of channels. Each capability declares its own in channels/<capability>.ts and is joined here. */
export const contract = joinContracts(appChannels, unitsChannels, campaignsChannels, quotasChannels, progressChannels, donationDayChannels, donorsChannels, backupChannels, privacyChannels, securityChannels, documentsChannels, duplicatesChannels, importsChannels);
export type Contract = typeof contract;
export const channelNames = Object.keys(contract) as (keyof Contract & string)[];
