import type { ServiceContext } from '../context';

export interface SourceRef {
  file: string;
  sheet: string;
  row: number;
}

/**
 * The duplicate groups of a campaign as the interchange export writes them: one list of source rows
 * per person registered more than once. Owned by the duplicates capability.
 */
export async function duplicateGroupsForExport(_ctx: ServiceContext, _campaignId: number): Promise<SourceRef[][]> {
  return [];
}
