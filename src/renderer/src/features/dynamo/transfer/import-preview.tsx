import { ScrollArea, Table, Text } from '@mantine/core';
import type { DynamoItem } from '@shared/models/dynamo';
import { cellText, previewColumns } from './preview-columns';

interface ImportPreviewProps {
  items: { line: number; item: DynamoItem; problem?: string }[];
  keyNames: string[];
  total: number;
  unit: 'Line' | 'Row';
}

/** The first items as the import will write them (types already applied). */
export function ImportPreview({ items, keyNames, total, unit }: ImportPreviewProps) {
  if (items.length === 0) return null;
  const { names, more } = previewColumns(
    items.map((i) => i.item),
    keyNames,
  );
  return (
    <div data-testid="dynamo-import-preview">
      <Text size="xs" c="dimmed" mb={4}>
        The first {items.length} of {total.toLocaleString()} items
        {more > 0 && ` (${more} more attributes not shown)`}
      </Text>
      <ScrollArea type="auto" offsetScrollbars>
        <Table withTableBorder withColumnBorders striped fz="xs" verticalSpacing={4} horizontalSpacing={8}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={48}>{unit}</Table.Th>
              {names.map((n) => (
                <Table.Th key={n} style={{ whiteSpace: 'nowrap' }}>
                  {n}
                  {keyNames.includes(n) && (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      key
                    </Text>
                  )}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map(({ line, item, problem }) => (
              <Table.Tr
                key={line}
                data-testid="dynamo-import-preview-row"
                data-problem={problem ? true : undefined}
                title={problem}
              >
                <Table.Td c={problem ? 'red' : 'dimmed'} fw={problem ? 600 : undefined}>
                  {line}
                  {problem && ' ✕'}
                </Table.Td>
                {names.map((n) => (
                  <Table.Td
                    key={n}
                    ff="monospace"
                    maw={220}
                    style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
                  >
                    {cellText(item[n])}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </div>
  );
}
