import { Badge } from '@mantine/core';
import type { StreamRecordDto } from '@shared/models/dynamo';

const COLOR: Record<StreamRecordDto['eventName'], string> = {
  INSERT: 'teal',
  MODIFY: 'blue',
  REMOVE: 'red',
};

export function EventBadge({ event }: { event: StreamRecordDto['eventName'] }) {
  return (
    <Badge size="xs" variant="light" color={COLOR[event]} w={62} data-testid="stream-event">
      {event}
    </Badge>
  );
}
