import { Badge, Table, Text } from '@mantine/core';
import type { DynamoIndex } from '@shared/models/dynamo';
import { keyLabel } from '../table-header';

/** Secondary indexes with their keys, projection, status and capacity. */
export function IndexesTable({ indexes }: { indexes: DynamoIndex[] }) {
  if (indexes.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No secondary indexes.
      </Text>
    );
  return (
    <Table fz="sm" verticalSpacing={4} data-testid="dynamo-indexes">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Name</Table.Th>
          <Table.Th>Kind</Table.Th>
          <Table.Th>Partition key</Table.Th>
          <Table.Th>Sort key</Table.Th>
          <Table.Th>Projection</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th>Capacity</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {indexes.map((i) => (
          <Table.Tr key={i.name} data-index={i.name}>
            <Table.Td ff="monospace">{i.name}</Table.Td>
            <Table.Td>
              <Badge size="xs" variant="light" color={i.kind === 'GSI' ? 'blue' : 'grape'}>
                {i.kind}
              </Badge>
            </Table.Td>
            <Table.Td>{keyLabel(i.partitionKey)}</Table.Td>
            <Table.Td>{i.sortKey ? keyLabel(i.sortKey) : '—'}</Table.Td>
            <Table.Td>
              {i.projection.type}
              {i.projection.attributes?.length ? `: ${i.projection.attributes.join(', ')}` : ''}
            </Table.Td>
            <Table.Td>{i.status?.toLowerCase() ?? '—'}</Table.Td>
            <Table.Td>
              {i.provisioned ? `${i.provisioned.readUnits} R / ${i.provisioned.writeUnits} W` : 'on demand'}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
