import { Center, Loader } from '@mantine/core';
import { lazy, Suspense } from 'react';
import type { TopologyViewProps } from './topology-view';

// @xyflow/react and its stylesheet come in their own chunk, fetched when the graph is first shown.
const TopologyLazy = lazy(() => import('./topology-view').then((m) => ({ default: m.TopologyView })));

export function LazyTopology(props: TopologyViewProps) {
  return (
    <Suspense
      fallback={
        <Center h="100%" data-testid="rds-topology-loading">
          <Loader size="sm" type="dots" />
        </Center>
      }
    >
      <TopologyLazy {...props} />
    </Suspense>
  );
}
