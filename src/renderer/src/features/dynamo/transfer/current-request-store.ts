import { useEffect } from 'react';
import { create } from 'zustand';
import type { ReadRequest } from '@shared/models/dynamo-schemas';

/** A table's place: results are per profile, region and table. */
export const tableSlot = (profile: string, region: string, table: string): string =>
  `${profile}\u0000${region}\u0000${table}`;

interface CurrentRequests {
  /** The scan or query behind each table's current result, as its explorer last ran it. */
  bySlot: Record<string, ReadRequest>;
  set: (slot: string, request: ReadRequest | null) => void;
}

/** What "Export the current result" exports: the explorer publishes its request, the export reads it. */
export const useCurrentRequests = create<CurrentRequests>((set) => ({
  bySlot: {},
  set: (slot, request) =>
    set((s) => {
      const { [slot]: _dropped, ...rest } = s.bySlot;
      return { bySlot: request ? { ...rest, [slot]: request } : rest };
    }),
}));

/** For the explorer: publishes the request of the result it shows, and withdraws it when it goes away. */
export function usePublishCurrentRequest(slot: string, request: ReadRequest | null): void {
  const set = useCurrentRequests((s) => s.set);
  useEffect(() => {
    set(slot, request);
    return () => set(slot, null);
  }, [set, slot, request]);
}
