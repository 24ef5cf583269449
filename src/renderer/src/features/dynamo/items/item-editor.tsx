import { useState } from 'react';
import type { ItemEditorProps, ItemEditorRequest } from '../item-editor-host';
import { DeleteItems } from './delete-items';
import { ItemLoader } from './item-loader';

// Each request the explorer sends (a new object every time) gets a fresh editor state.
const ids = new WeakMap<ItemEditorRequest, number>();
let lastId = 0;

function requestId(request: ItemEditorRequest): number {
  let id = ids.get(request);
  if (id === undefined) {
    lastId += 1;
    id = lastId;
    ids.set(request, id);
  }
  return id;
}

/** The item drawer beside the grid: edit, create, duplicate or delete (see item-editor-host.ts). */
export function ItemEditor(props: ItemEditorProps) {
  const [generation, setGeneration] = useState(0);
  const key = `${requestId(props.request)}:${generation}`;
  if (props.request.kind === 'delete') return <DeleteItems key={key} {...props} keys={props.request.keys} />;
  return (
    <ItemLoader
      key={key}
      {...props}
      request={props.request}
      onDiscardDraft={() => setGeneration((g) => g + 1)}
    />
  );
}
