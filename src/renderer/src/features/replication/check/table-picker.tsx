import { Anchor, Checkbox, Group, ScrollArea, Text, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { CheckableTable } from '@shared/models/replication';
import { SearchIcon } from '@renderer/components/toolbar-icons';
import classes from './check.module.css';

interface TablePickerProps {
  tables: CheckableTable[];
  selected: ReadonlySet<string>;
  disabled: boolean;
  onChange: (selected: Set<string>) => void;
}

const rows = new Intl.NumberFormat();

/** The primary's tables; those the check cannot compare are shown greyed with the reason. */
export function TablePicker({ tables, selected, disabled, onChange }: TablePickerProps) {
  const [search, setSearch] = useState('');
  const shown = useMemo(
    () => tables.filter((t) => t.table.toLowerCase().includes(search.trim().toLowerCase())),
    [tables, search],
  );
  const supported = shown.filter((t) => t.unsupported === null);
  const toggle = (name: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(name);
    else next.delete(name);
    onChange(next);
  };

  return (
    <div className={classes.picker} data-testid="check-tables">
      <Group gap="xs" wrap="nowrap" mb={6}>
        <TextInput
          size="xs"
          style={{ flex: 1 }}
          placeholder="Filter tables"
          leftSection={<SearchIcon size={13} />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          aria-label="Filter tables"
        />
        <Anchor
          size="xs"
          component="button"
          disabled={disabled}
          onClick={() => onChange(new Set([...selected, ...supported.map((t) => t.table)]))}
        >
          Select all
        </Anchor>
        <Anchor size="xs" component="button" disabled={disabled} onClick={() => onChange(new Set())}>
          None
        </Anchor>
      </Group>
      <ScrollArea.Autosize mah={220} type="auto">
        {shown.length === 0 && (
          <Text size="xs" c="dimmed" p={6}>
            {tables.length === 0
              ? 'The primary has no tables outside the system schemas.'
              : 'No table matches.'}
          </Text>
        )}
        {shown.map((t) => (
          <label
            key={t.table}
            className={classes.tableRow}
            data-unsupported={t.unsupported !== null || undefined}
            data-testid="check-table"
            data-table={t.table}
          >
            <Checkbox
              size="xs"
              checked={selected.has(t.table)}
              disabled={disabled || t.unsupported !== null}
              onChange={(e) => toggle(t.table, e.currentTarget.checked)}
              aria-label={t.table}
            />
            <span className={classes.tableName}>{t.table}</span>
            <span className={classes.tableNote}>
              {t.unsupported ?? `~${rows.format(t.estimatedRows)} row${t.estimatedRows === 1 ? '' : 's'}`}
            </span>
          </label>
        ))}
      </ScrollArea.Autosize>
    </div>
  );
}
