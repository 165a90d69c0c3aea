/** Support money per donation (Thông tư 15/2023/TT-BYT); amounts are a campaign setting. */
export interface SupportAmounts {
  gift: { 250: number; 350: number; 450: number };
  travel: number;
  meal: number;
}

export const DEFAULT_SUPPORT: SupportAmounts = {
  gift: { 250: 100_000, 350: 150_000, 450: 180_000 },
  travel: 50_000,
  meal: 30_000,
};
