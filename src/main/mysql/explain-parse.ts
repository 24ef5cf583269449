import type { ExplainNode } from '../../shared/models/explain';

type Json = Record<string, unknown>;

const ACCESS_LABELS: Record<string, string> = {
  ALL: 'Full table scan',
  index: 'Full index scan',
  range: 'Index range scan',
  ref: 'Index lookup',
  eq_ref: 'Unique key lookup',
  ref_or_null: 'Index lookup (or NULL)',
  const: 'Constant row',
  system: 'Constant row',
  fulltext: 'Full-text search',
  index_merge: 'Index merge',
  hash_ALL: 'Hash join scan',
  hash_range: 'Hash join range scan',
};

const BLOCK_LABELS: Record<string, string> = {
  query_block: 'Query block',
  nested_loop: 'Nested loop',
  'block-nl-join': 'Block nested-loop join',
  filesort: 'Sort',
  read_sorted_file: 'Read sorted rows',
  temporary_table: 'Temporary table',
  ordering_operation: 'Order by',
  grouping_operation: 'Group by',
  duplicates_removal: 'Remove duplicates',
  union_result: 'Union',
  subqueries: 'Subquery',
  materialized: 'Materialize',
  query_specifications: 'Union part',
  window_functions_computation: 'Window functions',
};

// Objects that describe a step rather than being one.
const NOT_STEPS = new Set(['cost_info', 'used_columns', 'used_key_parts', 'possible_keys', 'r_engine_stats']);

const num = (v: unknown): number | undefined => {
  const n = typeof v === 'string' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
};

function label(key: string): string {
  return BLOCK_LABELS[key] ?? key.replace(/[_-]+/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

function costOf(obj: Json): number | undefined {
  const info = obj.cost_info as Json | undefined;
  if (info) {
    const own = (num(info.read_cost) ?? 0) + (num(info.eval_cost) ?? 0);
    return num(info.query_cost) ?? (own > 0 ? own : num(info.prefix_cost));
  }
  return num(obj.cost);
}

function describe(key: string, obj: Json, id: string): ExplainNode {
  const node: ExplainNode = { id, operation: label(key), children: [] };
  if (typeof obj.table_name === 'string') {
    const access = typeof obj.access_type === 'string' ? obj.access_type : undefined;
    node.table = obj.table_name;
    node.operation = (access && ACCESS_LABELS[access]) ?? (access ? `Access: ${access}` : 'Table');
    node.accessType = access;
  } else if (key === 'query_block' && obj.select_id !== undefined) {
    node.operation = `Query block #${String(obj.select_id)}`;
  }
  if (typeof obj.key === 'string') node.key = obj.key;
  if (Array.isArray(obj.possible_keys)) node.possibleKeys = obj.possible_keys.map(String);
  const rows = num(obj.rows) ?? num(obj.rows_examined_per_scan);
  if (rows !== undefined) node.rows = rows;
  const filtered = num(obj.filtered);
  if (filtered !== undefined) node.filtered = filtered;
  const cost = costOf(obj);
  if (cost !== undefined) node.cost = cost;
  const rRows = num(obj.r_rows);
  if (rRows !== undefined) node.rRows = rRows;
  const rLoops = num(obj.r_loops);
  if (rLoops !== undefined) node.rLoops = rLoops;
  // MariaDB times a table's own reads and the checks on them apart; their sum is the step's time.
  const parts = (num(obj.r_table_time_ms) ?? 0) + (num(obj.r_other_time_ms) ?? 0);
  const rTime = num(obj.r_total_time_ms) ?? (obj.r_table_time_ms !== undefined ? parts : undefined);
  if (rTime !== undefined) node.rTotalTimeMs = rTime;
  const condition = obj.attached_condition ?? obj.having_condition ?? obj.index_condition;
  if (typeof condition === 'string') node.condition = condition;
  const extra = Object.entries(obj)
    .filter(([k, v]) => v === true && k.startsWith('using_'))
    .map(([k]) => label(k));
  if (extra.length > 0) node.extra = extra;
  return node;
}

/** Turns EXPLAIN FORMAT=JSON (MariaDB or MySQL, plain or ANALYZE) into a tree of steps. */
export function parseExplainJson(json: unknown): ExplainNode {
  let counter = 0;
  const build = (key: string, obj: Json): ExplainNode => {
    const node = describe(key, obj, `n${counter++}`);
    for (const [childKey, value] of Object.entries(obj)) {
      if (NOT_STEPS.has(childKey) || value === null || typeof value !== 'object') continue;
      if (Array.isArray(value)) {
        const items = value.filter(
          (v): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v),
        );
        if (items.length === 0) continue;
        const group = describe(childKey, {}, `n${counter++}`);
        for (const item of items) group.children.push(unwrap(item, childKey));
        // A list of one step needs no group around it, except a join, which names what it does.
        node.children.push(
          group.children.length === 1 && childKey !== 'nested_loop' ? group.children[0]! : group,
        );
      } else {
        node.children.push(build(childKey, value as Json));
      }
    }
    return node;
  };
  // `[{ "table": {…} }]` items name their step by their single key.
  const unwrap = (item: Json, fallback: string): ExplainNode => {
    const keys = Object.keys(item);
    const only = keys.length === 1 ? item[keys[0]!] : undefined;
    if (only && typeof only === 'object' && !Array.isArray(only)) return build(keys[0]!, only as Json);
    return build(fallback, item);
  };
  const top = (json ?? {}) as Json;
  const rootKey = Object.keys(top).length === 1 ? Object.keys(top)[0]! : 'query_block';
  const root = top[rootKey];
  return root && typeof root === 'object' ? build(rootKey, root as Json) : build('plan', top);
}
