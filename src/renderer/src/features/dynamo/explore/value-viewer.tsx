import { Badge, SegmentedControl } from '@mantine/core';
import { useState } from 'react';
import type { DynamoValue } from '@shared/models/dynamo';
import { ValueModal } from '@renderer/components/value-modal';
import { fullValue, typeOf } from './item-columns';

export interface ViewedValue {
  row: number;
  column: string;
  value: DynamoValue;
}

/** One attribute in full, as plain JSON or as DynamoDB JSON. */
export function ValueViewer({ viewed, onClose }: { viewed: ViewedValue | null; onClose: () => void }) {
  const [format, setFormat] = useState<'plain' | 'dynamo'>('plain');
  if (!viewed) return null;
  const text = format === 'plain' ? fullValue(viewed.value) : JSON.stringify(viewed.value, null, 2);
  return (
    <ValueModal
      opened
      onClose={onClose}
      name={viewed.column}
      place={`item ${(viewed.row + 1).toLocaleString('en-US')}`}
      controls={
        <>
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
        </>
      }
      text={text}
      testId="dynamo-value-viewer"
      textTestId="dynamo-value-text"
    />
  );
}
