import { Center, Loader } from '@mantine/core';
import { lazy, Suspense } from 'react';
import type { JsonEditorProps } from './json-editor';

// Monaco is its own chunk, shared with the SQL editor: the drawer opens at once and the editor follows.
const JsonEditorLazy = lazy(() => import('./json-editor').then((m) => ({ default: m.JsonEditor })));

export function LazyJsonEditor(props: JsonEditorProps) {
  return (
    <Suspense
      fallback={
        <Center h="100%" data-testid="dynamo-item-text-loading">
          <Loader size="sm" type="dots" />
        </Center>
      }
    >
      <JsonEditorLazy {...props} />
    </Suspense>
  );
}
