import { Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { DynamoItem } from '@shared/models/dynamo';
import { toApiError } from '@renderer/api/api-error';
import { AwsErrorAlert } from '@renderer/components/aws-error-alert';
import type { ItemEditorProps } from '../item-editor-host';
import { preferredMode, readDraft } from './draft-store';
import { DrawerFrame } from './drawer-frame';
import { draftKey, editorTitle, startingItem } from './editor-model';
import { ItemForm } from './item-form';
import { itemToText, keyOf } from './item-text';
import { stagingScope } from './staging-store';
import { useItemWrites } from './use-item-writes';

interface ItemLoaderProps extends ItemEditorProps {
  request: Exclude<ItemEditorProps['request'], { kind: 'delete' }>;
  onDiscardDraft: () => void;
}

/**
 * The editor's starting point: a draft left earlier, a new item, or for an edit the item read again
 * (consistently): the grid may hold a projection or an old page, and the write is conditioned on it.
 */
export function ItemLoader(props: ItemLoaderProps) {
  const { profile, region, table, request, onConsumed } = props;
  const writes = useItemWrites(props);
  const { keyNames } = writes;
  const key = draftKey(stagingScope(profile, region), table.name, request, keyNames);
  const [draft] = useState(() => readDraft(key));
  const itemKey = request.kind === 'edit' ? keyOf(request.item, keyNames) : null;
  const read = useQuery({
    queryKey: ['dynamo-item', profile, region, table.name, JSON.stringify(itemKey)],
    queryFn: async () => {
      const res = await writes.get(itemKey ?? {});
      onConsumed?.(res.consumed);
      return { item: res.item ?? null };
    },
    enabled: itemKey !== null && !draft,
    gcTime: 0,
    retry: false,
    refetchOnWindowFocus: false,
  });

  const form = (loaded: DynamoItem | null, start: DynamoItem) => {
    const mode = preferredMode();
    return (
      <ItemForm
        {...props}
        draftKey={key}
        start={start}
        initial={draft ?? { text: itemToText(start, mode), mode, loaded }}
        restored={draft !== undefined}
      />
    );
  };

  if (draft)
    return form(
      draft.loaded,
      draft.loaded ?? startingItem(table, request.kind === 'new' ? request.template : request.item),
    );
  if (request.kind === 'new') return form(null, startingItem(table, request.template));
  if (read.data?.item) return form(read.data.item, read.data.item);

  const title = editorTitle(request, keyNames);
  const footer = (
    <Group justify="flex-end">
      <Button size="xs" variant="subtle" color="gray" onClick={props.onClose}>
        Close
      </Button>
    </Group>
  );
  if (read.isPending)
    return (
      <DrawerFrame title={title} onClose={props.onClose} footer={footer} state="loading">
        <Center h="100%">
          <Loader size="sm" />
        </Center>
      </DrawerFrame>
    );
  if (read.error)
    return (
      <DrawerFrame title={title} onClose={props.onClose} footer={footer} state="error">
        <Stack p="sm" gap="xs">
          <AwsErrorAlert error={toApiError(read.error)} compact title="Could not read the item" />
          <Button
            size="xs"
            variant="default"
            onClick={() => void read.refetch()}
            style={{ alignSelf: 'start' }}
          >
            Try again
          </Button>
        </Stack>
      </DrawerFrame>
    );
  return (
    <DrawerFrame title={title} onClose={props.onClose} footer={footer} state="missing">
      <Stack p="sm" gap="xs" data-testid="dynamo-item-missing">
        <Text size="sm">This item is no longer in {table.name}: it was deleted after the page was read.</Text>
        <Button size="xs" variant="default" style={{ alignSelf: 'start' }} onClick={() => read.refetch()}>
          Read again
        </Button>
      </Stack>
    </DrawerFrame>
  );
}
