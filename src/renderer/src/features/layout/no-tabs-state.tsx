import { EmptyState } from '@mantine/core';
import { DatabaseIcon } from '@renderer/components/icons';

export function NoTabsState() {
  return (
    <EmptyState
      data-testid="no-tabs"
      icon={<DatabaseIcon size={28} />}
      withIndicatorBackground
      title="Open a connection"
      description="Click a connection on the left to open a SQL tab. Each tab has its own session."
      size="sm"
      maw={380}
    />
  );
}
