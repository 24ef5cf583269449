import { create } from 'zustand';
import type { TransactReason } from '@shared/models/dynamo';
import type { StagedChange } from '@shared/models/dynamo-schemas';
import { applyReasons, stageChange, unstage, type StagedEntry } from './staging-list';

/** One transaction goes to one account and region: staged lists are kept per profile and region. */
export function stagingScope(profile: string, region: string): string {
  return `${profile}|${region}`;
}

interface StagingState {
  lists: Record<string, StagedEntry[]>;
  /** Returns why the change was refused (the list is full), or null. */
  stage: (scope: string, change: StagedChange, keyNames: string[]) => string | null;
  remove: (scope: string, id: string) => void;
  clear: (scope: string) => void;
  markFailures: (scope: string, reasons: TransactReason[]) => void;
}

/** Changes staged from the item editor, waiting to be committed as one TransactWriteItems. */
export const useStagingStore = create<StagingState>((set, get) => ({
  lists: {},
  stage: (scope, change, keyNames) => {
    const result = stageChange(get().lists[scope] ?? [], change, keyNames);
    if (!result.ok) return result.reason;
    set((s) => ({ lists: { ...s.lists, [scope]: result.entries } }));
    return null;
  },
  remove: (scope, id) => set((s) => ({ lists: { ...s.lists, [scope]: unstage(s.lists[scope] ?? [], id) } })),
  clear: (scope) => set((s) => ({ lists: { ...s.lists, [scope]: [] } })),
  markFailures: (scope, reasons) =>
    set((s) => ({ lists: { ...s.lists, [scope]: applyReasons(s.lists[scope] ?? [], reasons) } })),
}));

const EMPTY: StagedEntry[] = [];

export function useStagedEntries(scope: string): StagedEntry[] {
  return useStagingStore((s) => s.lists[scope] ?? EMPTY);
}
