import { Select, Table, Text } from '@mantine/core';
import type { ImportPreview } from '@shared/models/import';

const SKIP = '__skip__';
const SAMPLE_ROWS = 5;

interface MappingTableProps {
  preview: ImportPreview;
  mapping: (string | null)[];
  onChange: (mapping: (string | null)[]) => void;
}

/** One row per CSV column: where it goes in the table, and its first values. */
export function MappingTable({ preview, mapping, onChange }: MappingTableProps) {
  const options = [
    { value: SKIP, label: 'Skip this column' },
    ...preview.table.columns
      .filter((c) => !c.generated)
      .map((c) => ({ value: c.name, label: `${c.name}  (${c.columnType})` })),
  ];
  return (
    <Table striped={false} withTableBorder verticalSpacing={4} fz="xs" data-testid="import-mapping">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="28%">CSV column</Table.Th>
          <Table.Th w="32%">Table column</Table.Th>
          <Table.Th>First values</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {preview.csvColumns.map((name, i) => (
          <Table.Tr key={`${name}-${i}`}>
            <Table.Td ff="monospace">{name}</Table.Td>
            <Table.Td>
              <Select
                size="xs"
                data={options}
                value={mapping[i] ?? SKIP}
                onChange={(v) =>
                  onChange(mapping.map((m, j) => (j === i ? (v === SKIP || !v ? null : v) : m)))
                }
                allowDeselect={false}
                aria-label={`Table column for ${name}`}
                data-testid="import-map-select"
              />
            </Table.Td>
            <Table.Td>
              <Text size="xs" ff="monospace" c={mapping[i] ? undefined : 'dimmed'} truncate maw={260}>
                {preview.rows
                  .slice(0, SAMPLE_ROWS)
                  .map((r) => (r[i] === null || r[i] === undefined ? 'NULL' : JSON.stringify(r[i])))
                  .join(', ')}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
