import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Campaign } from '../../shared/ipc/channels/campaigns';
import { api } from '../api';
import { useLoad } from '../components/hooks';

interface CampaignState {
  campaigns: Campaign[];
  current: Campaign | null;
  setCurrentId(id: number): void;
  reload(): void;
}

const Ctx = createContext<CampaignState>({ campaigns: [], current: null, setCurrentId: () => {}, reload: () => {} });
const KEY = 'giot-hong.campaign';

/** The campaign the clerk is working on, shared by every screen and remembered between runs. */
export function CampaignProvider({ children }: { children: ReactNode }) {
  const list = useLoad(() => api.campaigns.list({}), []);
  const [currentId, setCurrentId] = useState<number | null>(() => Number(localStorage.getItem(KEY)) || null);
  const campaigns = useMemo(() => list.data ?? [], [list.data]);
  const current = campaigns.find((c) => c.id === currentId) ?? campaigns[0] ?? null;
  useEffect(() => {
    if (current) localStorage.setItem(KEY, String(current.id));
  }, [current]);
  const value = useMemo(
    () => ({ campaigns, current, setCurrentId, reload: list.reload }),
    [campaigns, current, list.reload],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useCampaign(): CampaignState {
  return useContext(Ctx);
}
