import { Center, Loader } from '@mantine/core';
import { lazy, Suspense } from 'react';
import type { TableTabInfo } from '@renderer/stores/workspace-tabs-store';

// The editor, export and import dialogs are their own chunk: the first screen does not pay for them.
const TableEditorTabLazy = lazy(() =>
  import('./table-editor-tab').then((m) => ({ default: m.TableEditorTab })),
);

export function LazyTableEditorTab({ tab }: { tab: TableTabInfo }) {
  return (
    <Suspense
      fallback={
        <Center h="100%">
          <Loader size="sm" type="dots" />
        </Center>
      }
    >
      <TableEditorTabLazy tab={tab} />
    </Suspense>
  );
}
