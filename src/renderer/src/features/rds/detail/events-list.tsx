import { Group, Text } from '@mantine/core';
import type { AwsPartError } from '@shared/models/aws';
import type { RdsEvent } from '@shared/models/rds';
import { dateText } from '@renderer/components/format-date';
import { PartError } from './part-error';
import classes from './detail.module.css';

/** Recent RDS events of the instance, newest first (RDS keeps 14 days). */
export function EventsList({ events, error }: { events: RdsEvent[]; error?: AwsPartError }) {
  if (error) return <PartError what="Events" error={error} />;
  if (events.length === 0) {
    return (
      <Text size="sm" c="dimmed" p="sm">
        No events in the last 14 days.
      </Text>
    );
  }
  return (
    <div className={classes.list} data-testid="detail-events">
      {events.map((e, index) => (
        <div key={`${e.date}-${index}`} className={classes.listRow} data-testid="detail-event">
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Text size="xs" c="dimmed">
              {dateText(e.date)}
            </Text>
            {e.categories.length > 0 && (
              <Text size="xs" c="dimmed" truncate>
                {e.categories.join(', ')}
              </Text>
            )}
          </Group>
          <Text size="sm">{e.message}</Text>
        </div>
      ))}
    </div>
  );
}
