/** Where a node of a forest goes on a grid: its column (depth from its root) and its row. */
export interface TreePlacement {
  depth: number;
  row: number;
}

/**
 * Lays out a forest left to right, as both topology graphs (RDS, replication) draw it: columns by
 * depth, one row per leaf, each parent centred on its children, a half-row gap after each tree with
 * children; trees with children first, then the rest, each group by key. `parent` maps a child's key to
 * its parent's; a cycle is broken where it is met.
 */
export function placeForest(
  keys: readonly string[],
  parent: ReadonlyMap<string, string>,
): Map<string, TreePlacement> {
  const known = new Set(keys);
  const children = new Map<string, string[]>();
  for (const [child, from] of parent) {
    if (!known.has(child) || !known.has(from)) continue;
    children.set(from, [...(children.get(from) ?? []), child]);
  }
  const roots = keys
    .filter((k) => !parent.has(k) || !known.has(parent.get(k) ?? ''))
    .sort((a, b) => Number(children.has(b)) - Number(children.has(a)) || a.localeCompare(b));

  const placed = new Map<string, TreePlacement>();
  let nextRow = 0;
  const place = (key: string, depth: number): number => {
    const seen = placed.get(key);
    if (seen) return seen.row;
    const spot: TreePlacement = { depth, row: 0 };
    placed.set(key, spot);
    const kids = (children.get(key) ?? []).slice().sort();
    if (kids.length === 0) spot.row = nextRow++;
    else {
      const rows = kids.map((k) => place(k, depth + 1));
      spot.row = ((rows[0] ?? 0) + (rows[rows.length - 1] ?? 0)) / 2;
    }
    return spot.row;
  };
  for (const root of roots) {
    place(root, 0);
    if (children.has(root)) nextRow += 0.5;
  }
  // Nodes only on a cycle have no root: place them after the rest rather than lose them.
  for (const key of keys) if (!placed.has(key)) place(key, 0);
  return placed;
}
