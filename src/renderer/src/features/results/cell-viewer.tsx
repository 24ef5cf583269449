import { Badge, Text } from '@mantine/core';
import type { Cell, ColumnMeta } from '@shared/models/sql';
import { ValueModal } from '@renderer/components/value-modal';
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
  if (!cell) return null;
  const shown = describe(cell.value, cell.column);
  return (
    <ValueModal
      opened
      onClose={onClose}
      name={cell.column.name}
      place={`${cell.column.type} · row ${(cell.row + 1).toLocaleString('en-US')}`}
      controls={
        <Badge variant="light" color={cell.value === null ? 'gray' : 'blue'} data-testid="cell-viewer-kind">
          {shown.kind}
        </Badge>
      }
      text={cell.value === null ? null : shown.text}
      empty={
        <Text size="sm" c="dimmed" fs="italic">
          NULL — no value (not an empty string).
        </Text>
      }
      note={shown.note}
      testId="cell-viewer"
    />
  );
}
