import { create } from 'zustand';

export interface SqlTabInfo {
  kind: 'sql';
  id: string;
  profileId: string;
  /** The profile's name when opened, numbered when the same profile is open twice. */
  title: string;
}

/** The one RDS instances tab; it follows the AWS profile and regions chosen in the sidebar. */
export interface RdsTabInfo {
  kind: 'rds';
  id: typeof RDS_TAB_ID;
  title: string;
}

/** The one Secrets Manager tab; like the RDS tab, it follows the sidebar's profile and regions. */
export interface SecretsTabInfo {
  kind: 'secrets';
  id: typeof SECRETS_TAB_ID;
  title: string;
}

export type WorkspaceTab = SqlTabInfo | RdsTabInfo | SecretsTabInfo;

export const RDS_TAB_ID = 'rds';
export const SECRETS_TAB_ID = 'secrets';

interface WorkspaceTabsState {
  tabs: WorkspaceTab[];
  activeId: string | null;
  openSqlTab: (profileId: string, name: string) => void;
  /** Opens the RDS tab, or brings it to the front when it is already open. */
  openRdsTab: () => void;
  /** Opens the Secrets tab after the RDS tab (if open), or brings it to the front. */
  openSecretsTab: () => void;
  closeTab: (id: string) => void;
  activate: (id: string) => void;
}

let counter = 0;

/** Open tabs. Each SQL tab owns its own server session (see use-sql-session.ts). */
export const useWorkspaceTabs = create<WorkspaceTabsState>((set) => ({
  tabs: [],
  activeId: null,
  openSqlTab: (profileId, name) =>
    set((state) => {
      const same = state.tabs.filter((t) => t.kind === 'sql' && t.profileId === profileId).length;
      const tab: SqlTabInfo = {
        kind: 'sql',
        id: `tab-${++counter}`,
        profileId,
        title: same === 0 ? name : `${name} (${same + 1})`,
      };
      return { tabs: [...state.tabs, tab], activeId: tab.id };
    }),
  openRdsTab: () =>
    set((state) => {
      if (state.tabs.some((t) => t.id === RDS_TAB_ID)) return { activeId: RDS_TAB_ID };
      const tab: RdsTabInfo = { kind: 'rds', id: RDS_TAB_ID, title: 'RDS instances' };
      // First, like a pinned tab: it is the overview the SQL tabs are opened from.
      return { tabs: [tab, ...state.tabs], activeId: tab.id };
    }),
  openSecretsTab: () =>
    set((state) => {
      if (state.tabs.some((t) => t.id === SECRETS_TAB_ID)) return { activeId: SECRETS_TAB_ID };
      const tab: SecretsTabInfo = { kind: 'secrets', id: SECRETS_TAB_ID, title: 'Secrets' };
      const pinned = state.tabs.filter((t) => t.kind === 'rds');
      const rest = state.tabs.filter((t) => t.kind !== 'rds');
      return { tabs: [...pinned, tab, ...rest], activeId: tab.id };
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
