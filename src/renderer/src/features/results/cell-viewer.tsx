import { Badge, Button, Code, CopyButton, Group, Modal, ScrollArea, Stack, Text } from '@mantine/core';
import type { Cell, ColumnMeta } from '@shared/models/sql';
import { binaryLength } from './cell-format';
import { HEX_PREVIEW_BYTES, hexDump, prettyJson } from './cell-viewer-format';

function describe(value: Cell, column: ColumnMeta): { kind: string; text: string; note?: string } {
  if (value === null) return { kind: 'NULL', text: '' };
  if (typeof value === 'object') {
    const size = binaryLength(value.$binary);
    const note = size > HEX_PREVIEW_BYTES ? `First ${HEX_PREVIEW_BYTES / 1024} KB shown.` : undefined;
    return { kind: `binary · ${size.toLocaleString('en-US')} bytes`, text: hexDump(value.$binary), note };
  }
  const text = String(value);
  const json = prettyJson(text, column);
  if (json !== undefined) return { kind: 'JSON', text: json };
  return { kind: `text · ${text.length.toLocaleString('en-US')} characters`, text };
}

interface CellViewerProps {
  cell: { value: Cell; column: ColumnMeta; row: number } | null;
  onClose: () => void;
}

/** A cell in full: long text wrapped, JSON pretty-printed, binary as hex with its size. */
export function CellViewer({ cell, onClose }: CellViewerProps) {
  const shown = cell ? describe(cell.value, cell.column) : undefined;
  return (
    <Modal
      opened={cell !== null}
      onClose={onClose}
      size="xl"
      title={
        cell && (
          <Group gap="xs">
            <Text fw={600}>{cell.column.name}</Text>
            <Text size="xs" c="dimmed">
              {cell.column.type} · row {(cell.row + 1).toLocaleString('en-US')}
            </Text>
          </Group>
        )
      }
      data-testid="cell-viewer"
    >
      {cell && shown && (
        <Stack gap="xs">
          <Group justify="space-between">
            <Badge
              variant="light"
              color={cell.value === null ? 'gray' : 'blue'}
              data-testid="cell-viewer-kind"
            >
              {shown.kind}
            </Badge>
            {cell.value !== null && (
              <CopyButton value={shown.text}>
                {({ copied, copy }) => (
                  <Button size="xs" variant="default" onClick={copy}>
                    {copied ? 'Copied' : 'Copy value'}
                  </Button>
                )}
              </CopyButton>
            )}
          </Group>
          {cell.value === null ? (
            <Text size="sm" c="dimmed" fs="italic">
              NULL — no value (not an empty string).
            </Text>
          ) : (
            <ScrollArea.Autosize mah="60vh">
              <Code
                block
                style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}
                data-testid="cell-viewer-text"
              >
                {shown.text === '' ? ' ' : shown.text}
              </Code>
            </ScrollArea.Autosize>
          )}
          {shown.note && (
            <Text size="xs" c="dimmed">
              {shown.note}
            </Text>
          )}
        </Stack>
      )}
    </Modal>
  );
}
