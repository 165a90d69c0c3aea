import type { ServiceContext } from '../../context';
import { honourPeople } from '../../donors/honours';

export interface MilestonePerson {
  personId: number;
  fullName: string;
  gender: 'M' | 'F' | null;
  birthDate: string | null;
  address: string | null;
  unitName: string;
  /** Donations in total by the one counting rule (shared/domain/donation-count.ts). */
  total: number;
  milestone: number;
}

/**
 * The people the honour documents print (list and certificates of honour): the one honour rule of
 * the "Mốc vinh danh" tab (donors/honours.ts) — everyone whose count has reached a milestone, at the
 * highest milestone reached, until its award is recorded — counted as of `asOf` (default today).
 * So the printed list is the tab's list.
 */
export async function milestonesReached(ctx: ServiceContext, opts: { asOf?: string | null } = {}): Promise<MilestonePerson[]> {
  return honourPeople(ctx, opts);
}
