import { CloseButton, Tabs } from '@mantine/core';
import { useProfiles } from '@renderer/api/use-profiles';
import { ColorDot } from '@renderer/components/color-dot';
import { useSqlTabs } from '@renderer/stores/sql-tabs-store';
import { SqlTab } from './sql-tab';
import classes from './sql-workspace.module.css';

/**
 * The tab strip. Hidden panels stay mounted with `display: none`: Mantine's default keeps them in a
 * React <Activity>, which runs effect cleanups on hide, and that would close the tab's session and
 * dispose its editor (losing the text) every time the user switched tabs.
 */
export function SqlWorkspace() {
  const { tabs, activeId, activate, closeTab } = useSqlTabs();
  const profiles = useProfiles().data?.profiles ?? [];

  return (
    <Tabs
      value={activeId}
      onChange={(id) => id && activate(id)}
      keepMounted
      keepMountedMode="display-none"
      className={classes.tabs}
      classNames={{ list: classes.list, tab: classes.tab, panel: classes.panel }}
    >
      <Tabs.List data-testid="sql-tabs">
        {tabs.map((tab) => {
          const color = profiles.find((p) => p.id === tab.profileId)?.color ?? 'gray';
          return (
            <Tabs.Tab
              key={tab.id}
              value={tab.id}
              leftSection={<ColorDot color={color} />}
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
              data-testid="sql-tab-handle"
            >
              {tab.title}
            </Tabs.Tab>
          );
        })}
      </Tabs.List>
      {tabs.map((tab) => (
        <Tabs.Panel key={tab.id} value={tab.id}>
          <SqlTab tab={tab} />
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}
