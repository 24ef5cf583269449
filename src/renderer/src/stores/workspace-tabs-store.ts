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

/** The RDS instance behind a monitored profile, so the topology can be merged with the RDS one. */
export interface ReplicationRdsRef {
  profile: string;
  region: string;
  id: string;
}

/** One replication monitor per connection profile; opening it again brings it to the front. */
export interface ReplicationTabInfo {
  kind: 'replication';
  id: string;
  profileId: string;
  rds?: ReplicationRdsRef;
  title: string;
}

/** A table opened for editing (features/table-editor); one tab per profile and table. */
export interface TableTabInfo {
  kind: 'table';
  id: string;
  profileId: string;
  database: string;
  table: string;
  title: string;
}

/** The one DynamoDB tab; it follows the sidebar's AWS profile and regions like the RDS tab. */
export interface DynamoTabInfo {
  kind: 'dynamo';
  id: typeof DYNAMO_TAB_ID;
  title: string;
}

export type WorkspaceTab =
  DynamoTabInfo | SqlTabInfo | RdsTabInfo | SecretsTabInfo | ReplicationTabInfo | TableTabInfo;

export const RDS_TAB_ID = 'rds';
export const SECRETS_TAB_ID = 'secrets';
export const DYNAMO_TAB_ID = 'dynamo';

interface WorkspaceTabsState {
  tabs: WorkspaceTab[];
  activeId: string | null;
  openSqlTab: (profileId: string, name: string) => void;
  /** Opens the RDS tab, or brings it to the front when it is already open. */
  openRdsTab: () => void;
  /** Opens the Secrets tab after the RDS tab (if open), or brings it to the front. */
  openSecretsTab: () => void;
  /** Opens the replication tab of a profile, or brings it to the front (keeping its first RDS link). */
  openReplicationTab: (profileId: string, name: string, rds?: ReplicationRdsRef) => void;
  /** Opens a table's editor tab, or brings it to the front. */
  openTableTab: (profileId: string, database: string, table: string) => void;
  /** Opens the DynamoDB tab, or brings it to the front. */
  openDynamoTab: () => void;
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
  openReplicationTab: (profileId, name, rds) =>
    set((state) => {
      const id = `replication-${profileId}`;
      if (state.tabs.some((t) => t.id === id)) return { activeId: id };
      const tab: ReplicationTabInfo = { kind: 'replication', id, profileId, title: `Replication: ${name}` };
      if (rds) tab.rds = rds;
      return { tabs: [...state.tabs, tab], activeId: id };
    }),
  openTableTab: (profileId, database, table) =>
    set((state) => {
      const id = `table-${profileId}-${database}.${table}`;
      if (state.tabs.some((t) => t.id === id)) return { activeId: id };
      const tab: TableTabInfo = { kind: 'table', id, profileId, database, table, title: table };
      return { tabs: [...state.tabs, tab], activeId: id };
    }),
  openDynamoTab: () =>
    set((state) => {
      if (state.tabs.some((t) => t.id === DYNAMO_TAB_ID)) return { activeId: DYNAMO_TAB_ID };
      const tab: DynamoTabInfo = { kind: 'dynamo', id: DYNAMO_TAB_ID, title: 'DynamoDB' };
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
