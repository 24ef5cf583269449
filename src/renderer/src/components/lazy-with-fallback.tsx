import { Center, Loader } from '@mantine/core';
import { lazy, Suspense, type ComponentType } from 'react';

/**
 * A component fetched in its own chunk on first render; until it arrives, a small loader marked with
 * `loadingTestId` holds its place.
 */
export function lazyWithFallback<P extends object>(
  load: () => Promise<ComponentType<P>>,
  loadingTestId: string,
): ComponentType<P> {
  const Lazy = lazy(() => load().then((component) => ({ default: component })));
  function LazyWithFallback(props: P) {
    return (
      <Suspense
        fallback={
          <Center h="100%" data-testid={loadingTestId}>
            <Loader size="sm" type="dots" />
          </Center>
        }
      >
        <Lazy {...props} />
      </Suspense>
    );
  }
  return LazyWithFallback;
}
