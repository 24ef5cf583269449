import { Center, Loader } from '@mantine/core';
import { lazy, Suspense, type ComponentType } from 'react';
import type { ItemEditorModule, ItemEditorProps } from './item-editor-host';

// The item editor is built in ./items/ alongside this explorer; a glob (rather than an import) keeps
// the explorer building while that folder is not there yet. It is its own chunk either way.
const modules = import.meta.glob<ItemEditorModule>('./items/item-editor.tsx');
const load = modules['./items/item-editor.tsx'];

const Editor: ComponentType<ItemEditorProps> | null = load
  ? lazy(() => load().then((m) => ({ default: m.ItemEditor })))
  : null;

/** True when the item editor is part of this build. */
export const itemEditorAvailable = Editor !== null;

export function ItemEditorSlot(props: ItemEditorProps) {
  if (!Editor) return null;
  return (
    <Suspense
      fallback={
        <Center h="100%">
          <Loader size="sm" type="dots" />
        </Center>
      }
    >
      <Editor {...props} />
    </Suspense>
  );
}
