import { CloseButton, Tabs } from '@mantine/core';
import { useProfiles } from '@renderer/api/use-profiles';
import { ColorDot } from '@renderer/components/color-dot';
import { DatabaseIcon } from '@renderer/components/icons';
import { GraphIcon, KeyIcon, ServerIcon, TableIcon } from '@renderer/components/toolbar-icons';
import { LazyDynamoTab } from '@renderer/features/dynamo/lazy-dynamo-tab';
import { LazyRdsTab } from '@renderer/features/rds/lazy-rds-tab';
import { LazyReplicationTab } from '@renderer/features/replication/lazy-replication-tab';
import { LazySecretsTab } from '@renderer/features/secrets/lazy-secrets-tab';
import { SqlTab } from '@renderer/features/sql/sql-tab';
import { ExplainHost } from '@renderer/features/explain/explain-host';
import { LazyTableEditorTab } from '@renderer/features/table-editor/lazy-table-editor-tab';
import { useWorkspaceTabs, type WorkspaceTab } from '@renderer/stores/workspace-tabs-store';
import classes from './workspace.module.css';

function TabIcon({ tab }: { tab: WorkspaceTab }) {
  const profiles = useProfiles().data?.profiles ?? [];
  if (tab.kind === 'rds') return <ServerIcon size={13} />;
  if (tab.kind === 'secrets') return <KeyIcon size={13} />;
  if (tab.kind === 'dynamo') return <DatabaseIcon size={13} />;
  if (tab.kind === 'replication') return <GraphIcon size={13} />;
  if (tab.kind === 'table') return <TableIcon size={13} />;
  const color = profiles.find((p) => p.id === tab.profileId)?.color ?? 'gray';
  return <ColorDot color={color} />;
}

/**
 * The tab strip. Hidden panels stay mounted with `display: none`: Mantine's default keeps them in a
 * React <Activity>, which runs effect cleanups on hide, and that would close the tab's session and
 * dispose its editor (losing the text) every time the user switched tabs.
 */
export function Workspace() {
  const { tabs, activeId, activate, closeTab } = useWorkspaceTabs();

  return (
    <Tabs
      value={activeId}
      onChange={(id) => id && activate(id)}
      keepMounted
      keepMountedMode="display-none"
      className={classes.tabs}
      classNames={{ list: classes.list, tab: classes.tab, panel: classes.panel }}
    >
      <Tabs.List data-testid="workspace-tabs">
        {tabs.map((tab) => (
          <Tabs.Tab
            key={tab.id}
            value={tab.id}
            leftSection={<TabIcon tab={tab} />}
            // Middle click closes, as in browsers and editors.
            onAuxClick={(e) => (e.button === 1 ? closeTab(tab.id) : undefined)}
            rightSection={
              <CloseButton
                component="span"
                size="xs"
                aria-label={`Close ${tab.title}`}
                data-testid="close-tab"
                onClick={(e: React.MouseEvent) => {
                  e.stopPropagation();
                  closeTab(tab.id);
                }}
              />
            }
            data-testid={`${tab.kind}-tab-handle`}
          >
            {tab.title}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {tabs.map((tab) => (
        <Tabs.Panel key={tab.id} value={tab.id}>
          {tab.kind === 'sql' ? (
            <SqlTab tab={tab} />
          ) : tab.kind === 'rds' ? (
            <LazyRdsTab />
          ) : tab.kind === 'replication' ? (
            <LazyReplicationTab tab={tab} active={tab.id === activeId} />
          ) : tab.kind === 'dynamo' ? (
            <LazyDynamoTab />
          ) : tab.kind === 'table' ? (
            <LazyTableEditorTab tab={tab} />
          ) : (
            <LazySecretsTab />
          )}
        </Tabs.Panel>
      ))}
      <ExplainHost />
    </Tabs>
  );
}
