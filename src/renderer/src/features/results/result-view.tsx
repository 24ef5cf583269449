import { Button, CloseButton, Group, Menu, Text, TextInput } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import {
  ROW_WINDOW_MAX,
  type Cell,
  type ColumnMeta,
  type ResultProgress,
  type RowsResult,
} from '@shared/models/sql';
import { CellViewer } from './cell-viewer';
import { formatRows, type CopyFormat } from './copy-rows';
import { ResultGrid, type GridExtensions } from './result-grid';
import { RowsStatus } from './result-status';
import { selectedCount, selectRow, type RowRanges } from '@renderer/components/selection';
import { useResultRows, type RowSort } from './use-result-rows';
import classes from './result-view.module.css';

/** Rows copied at most in one go (the clipboard, not the store, is the limit). */
export const COPY_MAX_ROWS = 50_000;
const NO_ROWS: RowRanges = [];

export interface ResultViewProps extends GridExtensions {
  result: RowsResult;
  /** The latest progress of the read, heard by whoever ran the statement. */
  progress?: ResultProgress;
  /** Re-runs the statement without the row limit ("Fetch all"); the link shows only when set. */
  onFetchAll?: () => void;
  onSelectionChange?: (ranges: RowRanges) => void;
  /** Controls at the right of the result toolbar (e.g. the table editor's buttons). */
  toolbarExtra?: ReactNode;
}

const FORMATS: { format: CopyFormat; label: string }[] = [
  { format: 'tsv', label: 'Copy as TSV' },
  { format: 'json', label: 'Copy as JSON' },
  { format: 'insert', label: 'Copy as INSERT statements' },
];

/**
 * A result set: filter, copy, the windowed grid, the cell viewer and the status bar. Rows stay in
 * the main process; this view holds only the windows around what is on screen.
 */
export function ResultView({
  result,
  progress,
  onFetchAll,
  onSelectionChange,
  toolbarExtra,
  ...ext
}: ResultViewProps) {
  const [sort, setSort] = useState<RowSort[]>([]);
  const [filterText, setFilterText] = useState('');
  const [filter, setFilter] = useState('');
  // Selection and active cell belong to one view: another sort or filter numbers rows differently.
  const viewKey = JSON.stringify([result.resultId, sort, filter]);
  const [picked, setPicked] = useState<{ key: string; ranges: RowRanges; anchor: number | null }>({
    key: viewKey,
    ranges: [],
    anchor: null,
  });
  const selection = picked.key === viewKey ? picked.ranges : NO_ROWS;
  const anchor = picked.key === viewKey ? picked.anchor : null;
  const [activeCell, setActiveCell] = useState<{ key: string; row: number; col: number } | null>(null);
  const active = activeCell?.key === viewKey ? activeCell : null;
  const [viewing, setViewing] = useState<{ value: Cell; column: ColumnMeta; row: number } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { cache, load, total } = useResultRows(result, sort, filter, progress);
  const extra = ext.extraRows?.length ?? 0;

  // The filter runs in the main process: wait for a pause in typing.
  useEffect(() => {
    const t = setTimeout(() => setFilter(filterText.trim()), 250);
    return () => clearTimeout(t);
  }, [filterText]);
  useEffect(() => onSelectionChange?.(selection), [selection, onSelectionChange]);
  useEffect(() => {
    if (!notice) return;
    const t = setTimeout(() => setNotice(null), 2500);
    return () => clearTimeout(t);
  }, [notice]);

  const cycleSort = (column: number) =>
    setSort((now) => {
      const current = now.find((s) => s.column === column);
      if (!current) return [{ column }];
      return current.desc ? [] : [{ column, desc: true }];
    });

  const copy = async (format: CopyFormat) => {
    const count = selectedCount(selection);
    if (count === 0) return setNotice('Select rows first (click the row numbers; Shift or Ctrl to add).');
    const rows: Cell[][] = [];
    for (const [a, b] of selection) {
      if (rows.length >= COPY_MAX_ROWS) break;
      const end = Math.min(b + 1, a + COPY_MAX_ROWS - rows.length);
      if (a < total) rows.push(...(await cache.readRange(a, Math.min(end, total), ROW_WINDOW_MAX)));
      for (let i = Math.max(a, total); i < end; i++) rows.push(ext.extraRows?.[i - total] ?? []);
    }
    await navigator.clipboard.writeText(formatRows(format, result.columns, rows)).then(
      () =>
        setNotice(
          `Copied ${rows.length.toLocaleString('en-US')} rows${count > rows.length ? ` (the first ${COPY_MAX_ROWS.toLocaleString('en-US')})` : ''}.`,
        ),
      () => setNotice('The clipboard refused the text.'),
    );
  };

  const selected = selectedCount(selection);
  return (
    <div className={classes.view} data-testid="result-view" data-result-id={result.resultId}>
      <Group className={classes.toolbar} gap="xs" wrap="nowrap">
        <TextInput
          size="xs"
          w={220}
          placeholder={load.complete ? 'Filter loaded rows' : 'Filter when loaded…'}
          disabled={!load.complete}
          value={filterText}
          onChange={(e) => setFilterText(e.currentTarget.value)}
          rightSection={
            filterText ? (
              <CloseButton size="xs" onClick={() => setFilterText('')} aria-label="Clear filter" />
            ) : null
          }
          aria-label="Filter rows"
          data-testid="result-filter"
        />
        <Menu position="bottom-start" withinPortal>
          <Menu.Target>
            <Button size="xs" variant="default" data-testid="copy-rows">
              Copy{selected > 0 ? ` ${selected.toLocaleString('en-US')}` : ''}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {FORMATS.map((f) => (
              <Menu.Item key={f.format} onClick={() => void copy(f.format)} data-testid={`copy-${f.format}`}>
                {f.label}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
        {notice && (
          <Text size="xs" c="dimmed" truncate data-testid="result-notice">
            {notice}
          </Text>
        )}
        <div className={classes.spacer} />
        {toolbarExtra}
      </Group>
      <div className={classes.grid}>
        <ResultGrid
          {...ext}
          columns={result.columns}
          sample={result.rows}
          cache={cache}
          total={total}
          sort={sort}
          onSort={load.complete ? cycleSort : undefined}
          selection={selection}
          onSelectRow={(row, mode) =>
            setPicked({
              key: viewKey,
              ranges: selectRow(selection, anchor, row, mode),
              anchor: mode === 'range' ? anchor : row,
            })
          }
          onSelectAll={() =>
            setPicked({
              key: viewKey,
              ranges: total + extra > 0 ? [[0, total + extra - 1]] : [],
              anchor: null,
            })
          }
          active={active}
          onActivate={(cell) => setActiveCell({ key: viewKey, ...cell })}
          onOpenCell={(row, col, value) => setViewing({ row, value, column: result.columns[col]! })}
          onCopy={() => void copy('tsv')}
        />
      </div>
      <div className={classes.statusBar}>
        <RowsStatus
          result={result}
          load={load}
          shown={filter ? total : undefined}
          selected={selected}
          onFetchAll={onFetchAll}
        />
      </div>
      <CellViewer cell={viewing} onClose={() => setViewing(null)} />
    </div>
  );
}
