import { Badge, Table, Text, UnstyledButton } from '@mantine/core';
import { Fragment, useState } from 'react';
import type { TableCheckResult } from '@shared/models/replication';
import { ChevronDownIcon } from '@renderer/components/toolbar-icons';
import { VERDICT_COLOR } from './check-format';
import { RangeDiff } from './range-diff';
import classes from './check.module.css';

const n = new Intl.NumberFormat();

/** One line per table and replica; a mismatch opens to its differing ranges. */
export function CheckResults({
  results,
  replicaLabel,
}: {
  results: TableCheckResult[];
  replicaLabel: (key: string) => string;
}) {
  const [open, setOpen] = useState<Set<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((s) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  return (
    <Table className={classes.results} verticalSpacing={4} data-testid="check-results">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Table</Table.Th>
          <Table.Th>Replica</Table.Th>
          <Table.Th>Result</Table.Th>
          <Table.Th ta="right">Chunks</Table.Th>
          <Table.Th ta="right">Rows (primary / replica)</Table.Th>
          <Table.Th>Detail</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {results.map((r) => {
          const id = `${r.table}@${r.replicaKey}`;
          const expandable = r.differing.length > 0;
          const expanded = open.has(id);
          return (
            <Fragment key={id}>
              <Table.Tr data-testid="check-result" data-table={r.table} data-verdict={r.verdict}>
                <Table.Td className={classes.mono}>
                  {expandable ? (
                    <UnstyledButton
                      onClick={() => toggle(id)}
                      aria-expanded={expanded}
                      fz="xs"
                      ff="monospace"
                    >
                      <ChevronDownIcon
                        size={11}
                        style={{ transform: expanded ? undefined : 'rotate(-90deg)', marginRight: 4 }}
                      />
                      {r.table}
                    </UnstyledButton>
                  ) : (
                    r.table
                  )}
                </Table.Td>
                <Table.Td>{replicaLabel(r.replicaKey)}</Table.Td>
                <Table.Td>
                  <Badge size="sm" variant="light" radius="sm" color={VERDICT_COLOR[r.verdict]}>
                    {r.verdict}
                  </Badge>
                </Table.Td>
                <Table.Td ta="right">{n.format(r.chunks)}</Table.Td>
                <Table.Td ta="right">
                  {n.format(r.rowsPrimary)} / {n.format(r.rowsReplica)}
                </Table.Td>
                <Table.Td>
                  <Text size="xs" c={r.verdict === 'error' ? 'red' : 'dimmed'}>
                    {r.detail || (expandable ? `${r.differing.length} differing range(s)` : '')}
                  </Text>
                </Table.Td>
              </Table.Tr>
              {expanded && (
                <Table.Tr>
                  <Table.Td colSpan={6}>
                    {r.differing.map((d, i) => (
                      <RangeDiff key={i} range={d} replicaLabel={replicaLabel(r.replicaKey)} />
                    ))}
                  </Table.Td>
                </Table.Tr>
              )}
            </Fragment>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
