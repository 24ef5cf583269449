import { Center, Loader } from '@mantine/core';
import { lazy, Suspense } from 'react';
import type { SqlEditorProps } from './sql-editor';

const loadEditor = () => import('./sql-editor').then((m) => ({ default: m.SqlEditor }));

const SqlEditorLazy = lazy(loadEditor);

/** Start fetching Monaco once the first screen is up, so the first tab opens without a wait. */
export function prefetchSqlEditor(): void {
  void loadEditor();
}

export function LazySqlEditor(props: SqlEditorProps) {
  return (
    <Suspense
      fallback={
        <Center h="100%" data-testid="sql-editor-loading">
          <Loader size="sm" type="dots" />
        </Center>
      }
    >
      <SqlEditorLazy {...props} />
    </Suspense>
  );
}
