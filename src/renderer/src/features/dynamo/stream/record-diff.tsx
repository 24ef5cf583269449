import { Group, Text } from '@mantine/core';
import type { DynamoValue, StreamViewType } from '@shared/models/dynamo';
import { compactValue } from '../explore/item-columns';
import { countChanges, diffItems } from '../items/item-diff';
import { EventBadge } from './event-badge';
import { missingImageNote, recordKeyText, recordTime, recordTimes, type TailRecord } from './stream-records';
import classes from './stream.module.css';

interface RecordDiffProps {
  record: TailRecord;
  keyNames: readonly string[];
  viewType: StreamViewType | undefined;
}

const CHANGE_LABEL = { added: 'added', removed: 'removed', changed: 'changed', same: '' } as const;

function Value({ value }: { value: DynamoValue | undefined }) {
  return value === undefined ? <span className={classes.absent}>—</span> : <>{compactValue(value)}</>;
}

/** One record's change, attribute by attribute: the old image beside the new. */
export function RecordDiff({ record, keyNames, viewType }: RecordDiffProps) {
  const diff = diffItems(record.oldImage, record.newImage, [...keyNames]);
  const changes = countChanges(diff);
  const note = missingImageNote(record, viewType);
  return (
    <div data-testid="stream-diff" data-event={record.eventName} data-changes={changes}>
      <Group gap="sm" mb={6} wrap="nowrap">
        <EventBadge event={record.eventName} />
        <Text size="sm" ff="monospace" truncate>
          {recordKeyText(record, keyNames)}
        </Text>
        <Text size="xs" c="dimmed" ml="auto" style={{ whiteSpace: 'nowrap' }} title={recordTimes(record)}>
          {recordTime(record)} · {changes} attribute{changes === 1 ? '' : 's'} {verb(record.eventName)}
        </Text>
      </Group>
      {note && (
        <Text size="xs" c="dimmed" mb={6} data-testid="stream-image-note">
          {note}
        </Text>
      )}
      {diff.length > 0 && (
        <table className={classes.diff}>
          <colgroup>
            <col style={{ width: '22%' }} />
            <col style={{ width: '39%' }} />
            <col style={{ width: '39%' }} />
          </colgroup>
          <thead>
            <tr>
              <th>Attribute</th>
              <th>Old image</th>
              <th>New image</th>
            </tr>
          </thead>
          <tbody>
            {diff.map((d) => (
              <tr key={d.name} data-change={d.change} data-testid="stream-diff-row" data-name={d.name}>
                <td title={CHANGE_LABEL[d.change]}>{d.name}</td>
                <td>
                  <Value value={d.before} />
                </td>
                <td>
                  <Value value={d.after} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function verb(event: TailRecord['eventName']): string {
  return event === 'INSERT' ? 'added' : event === 'REMOVE' ? 'removed' : 'changed';
}
