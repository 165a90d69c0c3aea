import { useCallback, useEffect, useRef, useState } from 'react';
import type { DonorQuery, DonorSummary } from '../../../shared/ipc/channels/donors';
import { api } from '../../api';

const PAGE = 200;

/** Pages of the registry loaded on demand as the list scrolls; a new query starts over. */
export function useDonorPages(query: Omit<DonorQuery, 'offset' | 'limit'>) {
  const [total, setTotal] = useState<number | null>(null);
  const [pages, setPages] = useState<Map<number, DonorSummary[]>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const loading = useRef(new Set<number>());
  const gen = useRef(0);
  const key = JSON.stringify(query);

  const load = useCallback(
    async (page: number, g: number) => {
      if (loading.current.has(page)) return;
      loading.current.add(page);
      const r = await api.donors.search({ ...query, offset: page * PAGE, limit: PAGE });
      if (g !== gen.current) return;
      loading.current.delete(page);
      if (!r.ok) {
        setError(r.error.message);
        return;
      }
      setTotal(r.value.total);
      setPages((m) => new Map(m).set(page, r.value.items));
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key],
  );

  useEffect(() => {
    const g = ++gen.current;
    loading.current = new Set();
    setPages(new Map());
    setError(null);
    void load(0, g);
  }, [load]);

  const itemAt = (i: number): DonorSummary | undefined => pages.get(Math.floor(i / PAGE))?.[i % PAGE];
  const ensure = (from: number, to: number) => {
    for (let p = Math.floor(from / PAGE); p <= Math.floor(to / PAGE); p++) if (!pages.has(p)) void load(p, gen.current);
  };
  const reload = () => {
    const g = ++gen.current;
    loading.current = new Set();
    setPages(new Map());
    void load(0, g);
  };
  return { total, itemAt, ensure, error, reload };
}
