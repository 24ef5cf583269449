import {
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  Modal,
  ScrollArea,
  SegmentedControl,
  Stack,
  Text,
} from '@mantine/core';
import { useState } from 'react';
import type { DynamoValue } from '@shared/models/dynamo';
import { fullValue, typeOf } from './item-columns';

export interface ViewedValue {
  row: number;
  column: string;
  value: DynamoValue;
}

/** One attribute in full, as plain JSON or as DynamoDB JSON. */
export function ValueViewer({ viewed, onClose }: { viewed: ViewedValue | null; onClose: () => void }) {
  const [format, setFormat] = useState<'plain' | 'dynamo'>('plain');
  const text = viewed
    ? format === 'plain'
      ? fullValue(viewed.value)
      : JSON.stringify(viewed.value, null, 2)
    : '';
  return (
    <Modal
      opened={viewed !== null}
      onClose={onClose}
      size="xl"
      title={
        viewed && (
          <Group gap="xs">
            <Text fw={600}>{viewed.column}</Text>
            <Text size="xs" c="dimmed">
              item {(viewed.row + 1).toLocaleString('en-US')}
            </Text>
          </Group>
        )
      }
      data-testid="dynamo-value-viewer"
    >
      {viewed && (
        <Stack gap="xs">
          <Group justify="space-between">
            <Group gap="xs">
              <Badge variant="light">{typeOf(viewed.value)}</Badge>
              <SegmentedControl
                size="xs"
                value={format}
                onChange={(v) => setFormat(v as 'plain' | 'dynamo')}
                data={[
                  { value: 'plain', label: 'JSON' },
                  { value: 'dynamo', label: 'DynamoDB JSON' },
                ]}
              />
            </Group>
            <CopyButton value={text}>
              {({ copied, copy }) => (
                <Button size="xs" variant="default" onClick={copy}>
                  {copied ? 'Copied' : 'Copy value'}
                </Button>
              )}
            </CopyButton>
          </Group>
          <ScrollArea.Autosize mah="60vh">
            <Code
              block
              style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}
              data-testid="dynamo-value-text"
            >
              {text === '' ? ' ' : text}
            </Code>
          </ScrollArea.Autosize>
        </Stack>
      )}
    </Modal>
  );
}
