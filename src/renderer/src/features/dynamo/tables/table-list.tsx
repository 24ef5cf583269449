import { Center, Loader, Stack, Text, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { DynamoRegionTables } from '@shared/models/dynamo';
import { TableIcon, SearchIcon } from '@renderer/components/toolbar-icons';
import { RegionErrors } from '@renderer/components/region-errors';
import classes from '../dynamo-tab.module.css';

export interface TableRef {
  region: string;
  table: string;
}

interface TableListProps {
  regions: DynamoRegionTables[] | undefined;
  pending: boolean;
  selected: TableRef | null;
  onSelect: (ref: TableRef) => void;
}

/** Tables of every chosen region, grouped by region (headings only when there are several). */
export function TableList({ regions, pending, selected, onSelect }: TableListProps) {
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLowerCase();
  const groups = useMemo(
    () =>
      (regions ?? [])
        .filter((r) => r.tables)
        .map((r) => ({
          region: r.region,
          tables: (r.tables ?? []).filter((t) => t.toLowerCase().includes(needle)),
        })),
    [regions, needle],
  );
  const failures = (regions ?? []).flatMap((r) => (r.error ? [{ region: r.region, error: r.error }] : []));
  const total = (regions ?? []).reduce((n, r) => n + (r.tables?.length ?? 0), 0);
  const shown = groups.reduce((n, g) => n + g.tables.length, 0);
  const multi = (regions?.length ?? 0) > 1;

  return (
    <div className={classes.list} data-testid="dynamo-table-list" data-count={total}>
      <div style={{ padding: 8 }}>
        <TextInput
          size="xs"
          placeholder="Filter tables"
          leftSection={<SearchIcon size={13} />}
          value={filter}
          onChange={(e) => setFilter(e.currentTarget.value)}
          aria-label="Filter tables"
          data-testid="dynamo-table-filter"
        />
      </div>
      <RegionErrors failures={failures} />
      <div className={classes.listScroll}>
        {pending && (
          <Center p="md">
            <Loader size="xs" />
          </Center>
        )}
        {!pending && total === 0 && failures.length === 0 && (
          <Stack gap={4} p="md" data-testid="dynamo-no-tables">
            <Text size="sm" fw={500}>
              No tables
            </Text>
            <Text size="xs" c="dimmed">
              Create one with “Create table”.
            </Text>
          </Stack>
        )}
        {!pending && total > 0 && shown === 0 && (
          <Text size="xs" c="dimmed" p="md">
            No table matches “{filter}”.
          </Text>
        )}
        {groups.map((g) => (
          <div key={g.region} data-region={g.region}>
            {multi && g.tables.length > 0 && <div className={classes.regionLabel}>{g.region}</div>}
            {g.tables.map((t) => {
              const isSel = selected?.region === g.region && selected.table === t;
              return (
                <button
                  key={t}
                  type="button"
                  className={classes.tableItem}
                  data-selected={isSel || undefined}
                  data-table={t}
                  data-testid="dynamo-table-item"
                  onClick={() => onSelect({ region: g.region, table: t })}
                  title={`${t} · ${g.region}`}
                >
                  <TableIcon size={13} />
                  <span className={classes.tableName}>{t}</span>
                </button>
              );
            })}
          </div>
        ))}
      </div>
    </div>
  );
}
