import { Center, Loader } from '@mantine/core';
import { lazy, Suspense } from 'react';
import type { ReplicationTabProps } from './replication-tab';

// The graph, charts and check come in their own chunk, fetched when a replication tab first opens.
const ReplicationTabLazy = lazy(() =>
  import('./replication-tab').then((m) => ({ default: m.ReplicationTab })),
);

export function LazyReplicationTab(props: ReplicationTabProps) {
  return (
    <Suspense
      fallback={
        <Center h="100%" data-testid="replication-tab-loading">
          <Loader size="sm" type="dots" />
        </Center>
      }
    >
      <ReplicationTabLazy {...props} />
    </Suspense>
  );
}
