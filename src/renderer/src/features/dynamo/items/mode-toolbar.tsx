import { Group, SegmentedControl, Text, Tooltip } from '@mantine/core';
import type { DynamoTableDetail } from '@shared/models/dynamo';
import { keyElements, type ItemTextMode } from './item-text';
import classes from './item-editor.module.css';

interface ModeToolbarProps {
  table: Pick<DynamoTableDetail, 'partitionKey' | 'sortKey'>;
  mode: ItemTextMode;
  onMode: (mode: ItemTextMode) => void;
}

const TYPE_WORDS: Record<string, string> = { S: 'string', N: 'number', B: 'binary' };

/** Plain JSON or DynamoDB JSON, and the table's key the item must carry. */
export function ModeToolbar({ table, mode, onMode }: ModeToolbarProps) {
  const keys = keyElements(table);
  return (
    <Group className={classes.toolbar} justify="space-between" gap="xs" wrap="nowrap">
      <SegmentedControl
        size="xs"
        value={mode}
        onChange={(v) => onMode(v as ItemTextMode)}
        data={[
          { value: 'plain', label: 'Plain JSON' },
          { value: 'dynamo', label: 'DynamoDB JSON' },
        ]}
        data-testid="dynamo-item-mode"
      />
      <Tooltip
        label="Plain JSON writes sets as {“$set”: […]}, binary as {“$binary”: “base64”} and keeps every digit of a number"
        multiline
        w={280}
        openDelay={400}
      >
        <Text size="xs" c="dimmed" truncate data-testid="dynamo-item-key-schema">
          Key: {keys.map((k) => `${k.name} (${TYPE_WORDS[k.type] ?? k.type})`).join(' + ')}
        </Text>
      </Tooltip>
    </Group>
  );
}
