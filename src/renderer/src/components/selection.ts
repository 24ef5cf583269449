/** Selected rows as sorted, disjoint, inclusive ranges, so "select all" on a million rows stays small. */
export type RowRanges = ReadonlyArray<readonly [number, number]>;

function normalize(ranges: Array<[number, number]>): RowRanges {
  const sorted = ranges.filter(([a, b]) => a <= b).sort((x, y) => x[0] - y[0]);
  const out: Array<[number, number]> = [];
  for (const [a, b] of sorted) {
    const last = out.at(-1);
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

export function isSelected(ranges: RowRanges, row: number): boolean {
  return ranges.some(([a, b]) => row >= a && row <= b);
}

export function selectedCount(ranges: RowRanges): number {
  return ranges.reduce((n, [a, b]) => n + b - a + 1, 0);
}

/** Plain click: that row; shift: the range from the anchor; ctrl/cmd: toggle that row. */
export function selectRow(
  ranges: RowRanges,
  anchor: number | null,
  row: number,
  mode: 'single' | 'range' | 'toggle',
): RowRanges {
  if (mode === 'range' && anchor !== null) {
    return normalize([[Math.min(anchor, row), Math.max(anchor, row)]]);
  }
  if (mode === 'toggle') {
    if (!isSelected(ranges, row))
      return normalize([...ranges.map(([a, b]) => [a, b] as [number, number]), [row, row]]);
    return normalize(
      ranges.flatMap(([a, b]): Array<[number, number]> =>
        row >= a && row <= b
          ? [
              [a, row - 1],
              [row + 1, b],
            ]
          : [[a, b]],
      ),
    );
  }
  return [[row, row]];
}
