import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { toApiError } from '@renderer/api/api-error';
import { queryKeys } from '@renderer/api/query-keys';
import { useRdsDetail } from '@renderer/api/use-rds';
import { ACTION_TEXT } from './action-kinds';
import { evaluateOperation, type Observation } from './evaluate-operation';
import { useOperations, type Operation } from './operations-store';

const POLL_MS = 2_000;

/**
 * Polls the watched instance while its operation runs and moves the operation along. It shares the
 * detail query with the detail panel, so an open panel updates as well. Renders nothing.
 */
export function OperationWatcher({ op }: { op: Operation }) {
  const queryClient = useQueryClient();
  const update = useOperations((s) => s.update);
  const detail = useRdsDetail(op.profile, op.region, op.instanceId, POLL_MS);

  useEffect(() => {
    // A cached answer from before the action (the detail panel's) says nothing about its effect.
    const fresh = Math.max(detail.dataUpdatedAt, detail.errorUpdatedAt) > op.startedAt;
    if (!fresh) return;
    let seen: Observation | null = null;
    if (detail.dataUpdatedAt >= detail.errorUpdatedAt && detail.data)
      seen = { kind: 'found', detail: detail.data };
    else if (detail.error) {
      const err = toApiError(detail.error);
      seen =
        err.code === 'NOT_FOUND'
          ? { kind: 'gone' }
          : { kind: 'error', message: `${err.code}: ${err.message}` };
    }
    if (!seen) return;
    const patch = evaluateOperation(op, seen, Date.now());
    if (Object.keys(patch).length > 0) update(op.key, patch);
    if (patch.state && patch.state !== 'running') {
      void queryClient.invalidateQueries({ queryKey: queryKeys.rds });
      // The status bar lists the lab's instances: a lab replica made or deleted shows there too.
      void queryClient.invalidateQueries({ queryKey: queryKeys.labOverview });
      notifications.show({
        color: patch.state === 'done' ? 'green' : 'red',
        title: `${ACTION_TEXT[op.kind].title} ${patch.state === 'done' ? 'finished' : 'did not finish'}`,
        message: `${op.snapshotId ?? op.instanceId}: ${patch.status ?? op.status}${patch.message ? `. ${patch.message}` : ''}`,
        autoClose: 5000,
      });
    }
    // Only a new answer moves the operation; `op` itself changes with every update we make.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [detail.dataUpdatedAt, detail.errorUpdatedAt]);

  return null;
}
