import { create } from 'zustand';
import type { ConsumedCapacity } from '@shared/models/dynamo';
import { addCapacity, NO_CAPACITY } from '@shared/models/dynamo-cost';

interface CapacityState {
  /** Per region, since each region is priced on its own. */
  byRegion: Record<string, ConsumedCapacity>;
  calls: number;
  add: (region: string, consumed: ConsumedCapacity) => void;
  reset: () => void;
}

/** The DynamoDB tab's running total of consumed capacity: every call the tab (and the item editor) made. */
export const useDynamoCapacity = create<CapacityState>((set) => ({
  byRegion: {},
  calls: 0,
  add: (region, consumed) =>
    set((s) => ({
      byRegion: { ...s.byRegion, [region]: addCapacity(s.byRegion[region] ?? NO_CAPACITY, consumed) },
      calls: s.calls + 1,
    })),
  reset: () => set({ byRegion: {}, calls: 0 }),
}));

export function sumRegions(byRegion: Record<string, ConsumedCapacity>): ConsumedCapacity {
  return Object.values(byRegion).reduce(
    (a, b) => ({ readUnits: a.readUnits + b.readUnits, writeUnits: a.writeUnits + b.writeUnits }),
    NO_CAPACITY,
  );
}
