import { create } from 'zustand';

export interface SqlTabInfo {
  id: string;
  profileId: string;
  /** The profile's name when opened, numbered when the same profile is open twice. */
  title: string;
}

interface SqlTabsState {
  tabs: SqlTabInfo[];
  activeId: string | null;
  openTab: (profileId: string, name: string) => void;
  closeTab: (id: string) => void;
  activate: (id: string) => void;
}

let counter = 0;

/** Open SQL tabs. Each tab owns its own server session (see use-sql-session.ts). */
export const useSqlTabs = create<SqlTabsState>((set) => ({
  tabs: [],
  activeId: null,
  openTab: (profileId, name) =>
    set((state) => {
      const same = state.tabs.filter((t) => t.profileId === profileId).length;
      const tab: SqlTabInfo = {
        id: `tab-${++counter}`,
        profileId,
        title: same === 0 ? name : `${name} (${same + 1})`,
      };
      return { tabs: [...state.tabs, tab], activeId: tab.id };
    }),
  closeTab: (id) =>
    set((state) => {
      const index = state.tabs.findIndex((t) => t.id === id);
      const tabs = state.tabs.filter((t) => t.id !== id);
      if (state.activeId !== id) return { tabs };
      // Like a browser: focus the neighbour on the right, else the one on the left.
      const next = tabs[Math.min(index, tabs.length - 1)];
      return { tabs, activeId: next?.id ?? null };
    }),
  activate: (id) => set({ activeId: id }),
}));
