import { Group, Progress, Text } from '@mantine/core';
import type { AwsPartError } from '@shared/models/aws';
import type { RdsSnapshot } from '@shared/models/rds';
import { dateText } from '@renderer/components/format-date';
import { StatusBadge } from '../status-badge';
import { PartError } from './part-error';
import classes from './detail.module.css';

/** The instance's snapshots, newest first: manual and automated, with progress while creating. */
export function SnapshotsList({ snapshots, error }: { snapshots: RdsSnapshot[]; error?: AwsPartError }) {
  if (error) return <PartError what="Snapshots" error={error} />;
  if (snapshots.length === 0) {
    return (
      <Text size="sm" c="dimmed" p="sm">
        No snapshots.
      </Text>
    );
  }
  return (
    <div className={classes.list} data-testid="detail-snapshots">
      {snapshots.map((s) => (
        <div key={s.id} className={classes.listRow} data-testid="detail-snapshot" data-snapshot-id={s.id}>
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Text size="sm" ff="monospace" truncate>
              {s.id}
            </Text>
            <StatusBadge status={s.status} size="xs" />
          </Group>
          <Text size="xs" c="dimmed">
            {[
              s.type,
              dateText(s.createdAt),
              s.allocatedGiB !== undefined ? `${s.allocatedGiB} GiB` : '',
              s.encrypted ? 'encrypted' : '',
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
          {s.status === 'creating' && s.percentProgress !== undefined && (
            <Progress value={s.percentProgress} size="xs" mt={4} />
          )}
        </div>
      ))}
    </div>
  );
}
