import { Center, Loader } from '@mantine/core';
import { lazy, Suspense } from 'react';
import type { PartiqlEditorProps } from './partiql-editor-handle';

// Monaco is its own chunk, fetched when the PartiQL sub-tab is first opened.
const PartiqlEditorLazy = lazy(() => import('./partiql-editor').then((m) => ({ default: m.PartiqlEditor })));

export function LazyPartiqlEditor(props: PartiqlEditorProps) {
  return (
    <Suspense
      fallback={
        <Center h="100%" data-testid="partiql-editor-loading">
          <Loader size="sm" type="dots" />
        </Center>
      }
    >
      <PartiqlEditorLazy {...props} />
    </Suspense>
  );
}
