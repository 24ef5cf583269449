import type { ExplainNode } from '../../shared/models/explain';

const num = (v: unknown): number | undefined => {
  if (v === null || v === undefined || v === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
};

/** The tabular EXPLAIN (servers without FORMAT=JSON): one step per row, in the server's order. */
export function parseExplainTable(rows: Record<string, unknown>[]): ExplainNode {
  const root: ExplainNode = { id: 'root', operation: 'Query', children: [] };
  rows.forEach((row, i) => {
    const extra = typeof row.Extra === 'string' && row.Extra ? row.Extra.split(/;\s*/) : undefined;
    const type = typeof row.type === 'string' ? row.type : undefined;
    root.children.push({
      id: `r${i}`,
      operation: `${String(row.select_type ?? 'SIMPLE')} #${String(row.id ?? i + 1)}`,
      ...(typeof row.table === 'string' ? { table: row.table } : {}),
      ...(type ? { accessType: type } : {}),
      ...(typeof row.key === 'string' ? { key: row.key } : {}),
      ...(typeof row.possible_keys === 'string' ? { possibleKeys: row.possible_keys.split(',') } : {}),
      ...(num(row.rows) !== undefined ? { rows: num(row.rows) } : {}),
      ...(num(row.filtered) !== undefined ? { filtered: num(row.filtered) } : {}),
      ...(num(row.r_rows) !== undefined ? { rRows: num(row.r_rows) } : {}),
      ...(extra ? { extra } : {}),
      children: [],
    });
  });
  return root;
}

const LINE = /^(\s*)-> (.*)$/;

/** MySQL's `EXPLAIN ANALYZE` tree text: `-> step (cost=… rows=…) (actual time=a..b rows=… loops=…)`. */
export function parseExplainTree(text: string): ExplainNode {
  const root: ExplainNode = { id: 'root', operation: 'Query', children: [] };
  const stack: { depth: number; node: ExplainNode }[] = [{ depth: -1, node: root }];
  text.split('\n').forEach((line, i) => {
    const m = LINE.exec(line);
    if (!m) return;
    const depth = m[1]!.length;
    const body = m[2]!;
    const node: ExplainNode = { id: `t${i}`, operation: body.replace(/\s*\(.*$/, ''), children: [] };
    const estimate = /\(cost=([\d.e+]+)(?:\.\.([\d.e+]+))? rows=([\d.e+]+)\)/.exec(body);
    if (estimate) {
      node.cost = num(estimate[2] ?? estimate[1]);
      node.rows = num(estimate[3]);
    }
    const actual = /\(actual time=([\d.]+)\.\.([\d.]+) rows=([\d.e+]+) loops=(\d+)\)/.exec(body);
    if (actual) {
      node.rRows = num(actual[3]);
      node.rLoops = num(actual[4]);
      node.rTotalTimeMs = (num(actual[2]) ?? 0) * (node.rLoops ?? 1);
    }
    const table = / on (\S+)/.exec(node.operation);
    if (table) node.table = table[1];
    while (stack.length > 1 && stack[stack.length - 1]!.depth >= depth) stack.pop();
    stack[stack.length - 1]!.node.children.push(node);
    stack.push({ depth, node });
  });
  return root;
}
