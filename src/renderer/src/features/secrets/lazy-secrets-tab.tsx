import { Center, Loader } from '@mantine/core';
import { lazy, Suspense } from 'react';

// Like the RDS tab, its own chunk: the first screen does not pay for it.
const SecretsTabLazy = lazy(() => import('./secrets-tab').then((m) => ({ default: m.SecretsTab })));

export function LazySecretsTab() {
  return (
    <Suspense
      fallback={
        <Center h="100%" data-testid="secrets-tab-loading">
          <Loader size="sm" type="dots" />
        </Center>
      }
    >
      <SecretsTabLazy />
    </Suspense>
  );
}
