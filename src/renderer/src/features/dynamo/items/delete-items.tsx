import { Button, Group, Stack, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { DynamoItem, RejectedItem } from '@shared/models/dynamo';
import { toApiError, type ApiError } from '@renderer/api/api-error';
import { AwsErrorAlert } from '@renderer/components/aws-error-alert';
import type { ItemEditorProps } from '../item-editor-host';
import { useDynamoPrices } from '../use-dynamo';
import { DrawerFrame } from './drawer-frame';
import { editorTitle } from './editor-model';
import { NO_TRANSACTIONS } from './form-footer';
import { keyLabel } from './item-text';
import { MAX_STAGED } from './staging-list';
import { stagingScope, useStagingStore } from './staging-store';
import { useItemWrites } from './use-item-writes';
import { notifyWrite } from './write-notice';
import classes from './item-editor.module.css';

interface DeleteItemsProps extends ItemEditorProps {
  keys: DynamoItem[];
}

/** The confirmation of a delete: every key listed, then BatchWriteItem, or staged for a transaction. */
export function DeleteItems(props: DeleteItemsProps) {
  const { profile, region, table, request, keys, transactions, onClose, onDone, onConsumed } = props;
  const writes = useItemWrites(props);
  const { keyNames } = writes;
  const prices = useDynamoPrices().data;
  const stage = useStagingStore((s) => s.stage);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [rejected, setRejected] = useState<RejectedItem[]>([]);
  const [refused, setRefused] = useState<string | null>(null);
  const words = keys.length === 1 ? '1 item' : `${keys.length.toLocaleString('en-US')} items`;

  const remove = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const res = await writes.deleteMany(keys);
      notifyWrite(`Deleted ${res.deleted} of ${words}`, res.consumed, region, prices);
      if (res.failed.length === 0) {
        onDone({ consumed: res.consumed, deleted: keys });
        return;
      }
      // Some were refused: keep the list on screen with the reasons.
      onConsumed?.(res.consumed);
      setRejected(res.failed);
    } catch (err) {
      setFailure(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  const stageAll = () => {
    const scope = stagingScope(profile, region);
    for (const key of keys) {
      const reason = stage(scope, { kind: 'delete', table: table.name, key }, keyNames);
      if (reason) {
        setRefused(reason);
        return;
      }
    }
    notifications.show({ message: `Staged the delete of ${words}`, autoClose: 2500 });
    onClose();
  };

  const canStage = transactions && keys.length <= MAX_STAGED;
  return (
    <DrawerFrame
      title={editorTitle(request, keyNames)}
      onClose={onClose}
      state={busy ? 'deleting' : rejected.length ? 'partial' : 'confirm'}
      footer={
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Button
              size="xs"
              color="red"
              loading={busy}
              onClick={() => void remove()}
              data-testid="dynamo-delete-confirm"
            >
              Delete {words}
            </Button>
            <Tooltip
              label={transactions ? `Up to ${MAX_STAGED} changes fit in one transaction` : NO_TRANSACTIONS}
              multiline
              w={260}
              disabled={canStage}
            >
              <Button
                size="xs"
                variant="default"
                data-disabled={!canStage || undefined}
                onClick={(e) => (canStage ? stageAll() : e.preventDefault())}
                data-testid="dynamo-delete-stage"
              >
                Stage
              </Button>
            </Tooltip>
          </Group>
          <Button
            size="xs"
            variant="subtle"
            color="gray"
            onClick={onClose}
            data-testid="dynamo-delete-cancel"
          >
            Cancel
          </Button>
        </Group>
      }
    >
      <Stack gap={6} p="sm" style={{ flex: 'none' }}>
        <Text size="sm">
          These items will be removed from <b>{table.name}</b>. This cannot be undone.
        </Text>
      </Stack>
      <div className={classes.scroll}>
        <ul className={classes.keyList} data-testid="dynamo-delete-keys">
          {keys.map((key, i) => {
            const reason = rejected.find((r) => r.line === i + 1)?.reason;
            return (
              <li key={i} data-testid="dynamo-delete-key" data-rejected={reason ? 'true' : undefined}>
                <Text size="xs" className={classes.mono}>
                  {keyLabel(key, keyNames)}
                </Text>
                {reason && (
                  <Text size="xs" c="red">
                    Not deleted: {reason}
                  </Text>
                )}
              </li>
            );
          })}
        </ul>
      </div>
      {(failure || refused) && (
        <div className={classes.message}>
          {failure && <AwsErrorAlert error={failure} compact title="Nothing was deleted" />}
          {refused && (
            <Text size="xs" c="red">
              {refused}
            </Text>
          )}
        </div>
      )}
    </DrawerFrame>
  );
}
