import { Center, Loader } from '@mantine/core';
import { lazy, Suspense } from 'react';

// The RDS area (table, details, actions) is its own chunk: the first screen does not pay for it.
const RdsTabLazy = lazy(() => import('./rds-tab').then((m) => ({ default: m.RdsTab })));

export function LazyRdsTab() {
  return (
    <Suspense
      fallback={
        <Center h="100%" data-testid="rds-tab-loading">
          <Loader size="sm" type="dots" />
        </Center>
      }
    >
      <RdsTabLazy />
    </Suspense>
  );
}
