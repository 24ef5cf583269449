import { ScrollArea, Text } from '@mantine/core';
import { Fragment } from 'react';
import type { DifferingRange } from '@shared/models/replication';
import { differingCells, rangeText } from './check-format';
import classes from './check.module.css';

function Cell({ value, changed }: { value: string | null; changed: boolean }) {
  return (
    <td className={changed ? classes.changed : undefined} title={value ?? 'NULL'}>
      {value === null ? <span className={classes.null}>NULL</span> : value}
    </td>
  );
}

/** One differing key range; its rows side by side (primary over replica) when the check kept them. */
export function RangeDiff({ range, replicaLabel }: { range: DifferingRange; replicaLabel: string }) {
  const rows = range.rows;
  return (
    <div className={classes.range} data-testid="differing-range">
      <div className={classes.rangeHead}>
        <Text span size="xs" c="dimmed">
          Keys{' '}
        </Text>
        <span className={classes.mono}>{rangeText(range)}</span>
        <Text span size="xs" c="dimmed">
          {' '}
          · {range.primaryRows} rows on the primary, {range.replicaRows} on {replicaLabel}
        </Text>
      </div>
      {!rows ? (
        <Text size="xs" c="dimmed">
          Too many rows to list; narrow it with a query on this key range.
        </Text>
      ) : (
        <ScrollArea type="auto" offsetScrollbars>
          <table className={classes.diff}>
            <thead>
              <tr>
                <th />
                {rows.columns.map((c) => (
                  <th key={c}>
                    {c}
                    {rows.keyColumns.includes(c) && <span className={classes.side}> (key)</span>}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.diffs.map((d) => {
                const changed = differingCells(d.primary, d.replica, rows.columns.length);
                return (
                  <Fragment key={d.key.join('\u0000')}>
                    <Side
                      label="primary"
                      values={d.primary}
                      changed={changed}
                      width={rows.columns.length}
                      first
                    />
                    <Side
                      label={replicaLabel}
                      values={d.replica}
                      changed={changed}
                      width={rows.columns.length}
                    />
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </ScrollArea>
      )}
    </div>
  );
}

function Side(props: {
  label: string;
  values: (string | null)[] | null;
  changed: Set<number>;
  width: number;
  first?: boolean;
}) {
  const { label, values, changed, width, first } = props;
  return (
    <tr
      className={first ? classes.pairStart : undefined}
      data-testid="diff-row"
      data-side={first ? 'primary' : 'replica'}
    >
      <td className={classes.side}>{label}</td>
      {values ? (
        values.map((v, i) => <Cell key={i} value={v} changed={changed.has(i)} />)
      ) : (
        <td colSpan={width} className={classes.missing}>
          missing
        </td>
      )}
    </tr>
  );
}
