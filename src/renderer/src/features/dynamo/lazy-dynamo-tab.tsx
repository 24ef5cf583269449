import { Center, Loader } from '@mantine/core';
import { lazy, Suspense } from 'react';

// The DynamoDB workspace is its own chunk: the first screen does not pay for it.
const DynamoTabLazy = lazy(() => import('./dynamo-tab').then((m) => ({ default: m.DynamoTab })));

export function LazyDynamoTab() {
  return (
    <Suspense
      fallback={
        <Center h="100%" data-testid="dynamo-tab-loading">
          <Loader size="sm" type="dots" />
        </Center>
      }
    >
      <DynamoTabLazy />
    </Suspense>
  );
}
