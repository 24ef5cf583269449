import { Table, Text } from '@mantine/core';

/** The instance's tags as a two-column table. */
export function TagsList({ tags }: { tags: { key: string; value: string }[] }) {
  if (tags.length === 0) {
    return (
      <Text size="sm" c="dimmed" p="sm">
        No tags.
      </Text>
    );
  }
  return (
    <Table fz="sm" verticalSpacing={4} horizontalSpacing="sm" data-testid="detail-tags">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="40%">Key</Table.Th>
          <Table.Th>Value</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {tags.map((t) => (
          <Table.Tr key={t.key}>
            <Table.Td ff="monospace">{t.key}</Table.Td>
            <Table.Td ff="monospace" style={{ wordBreak: 'break-word' }}>
              {t.value}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
