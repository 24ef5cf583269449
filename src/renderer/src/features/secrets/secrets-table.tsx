import { Badge, Table, Text, Tooltip } from '@mantine/core';
import type { SecretSummary } from '@shared/models/aws';
import { dateText } from '@renderer/components/format-date';
import classes from './secrets.module.css';

/** Secret metadata as ListSecrets gives it; there is no column for values, by design. */
export function SecretsTable({ secrets, showRegion }: { secrets: SecretSummary[]; showRegion: boolean }) {
  return (
    <Table stickyHeader highlightOnHover fz="sm" className={classes.table} data-testid="secrets-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Name</Table.Th>
          <Table.Th>Description</Table.Th>
          {showRegion && <Table.Th>Region</Table.Th>}
          <Table.Th>Last changed</Table.Th>
          <Table.Th>Last rotated</Table.Th>
          <Table.Th>Rotation</Table.Th>
          <Table.Th>Owner</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {secrets.map((s) => (
          <Table.Tr
            key={s.arn || `${s.region}/${s.name}`}
            data-testid="secret-row"
            data-secret-name={s.name}
            data-rotation={s.rotationEnabled ? 'on' : 'off'}
            data-owner={s.rdsOwner?.id}
          >
            <Table.Td className={classes.name}>
              <Tooltip label={s.arn} openDelay={500} disabled={!s.arn}>
                <span data-testid="secret-name">{s.name}</span>
              </Tooltip>
            </Table.Td>
            <Table.Td className={classes.description}>
              <Text size="sm" c={s.description ? undefined : 'dimmed'} lineClamp={2}>
                {s.description ?? '—'}
              </Text>
            </Table.Td>
            {showRegion && <Table.Td>{s.region}</Table.Td>}
            <Table.Td className={classes.date}>{dateText(s.lastChangedAt) || '—'}</Table.Td>
            <Table.Td className={classes.date}>{dateText(s.lastRotatedAt) || 'never'}</Table.Td>
            <Table.Td>
              <Badge
                size="sm"
                variant="light"
                color={s.rotationEnabled ? 'green' : 'gray'}
                data-testid="secret-rotation"
              >
                {s.rotationEnabled ? 'on' : 'off'}
              </Badge>
            </Table.Td>
            <Table.Td data-testid="secret-owner">
              {s.rdsOwner ? (
                <Text size="sm" span>
                  {s.rdsOwner.id}
                  <Text size="xs" c="dimmed" span>
                    {` ${s.rdsOwner.kind === 'cluster' ? 'cluster' : 'instance'}`}
                  </Text>
                </Text>
              ) : (
                <Text size="sm" c="dimmed" span>
                  —
                </Text>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
