/** One step of a query plan, from EXPLAIN FORMAT=JSON, ANALYZE, or the tabular EXPLAIN. */
export interface ExplainNode {
  id: string;
  /** What the step does, in words: "Full table scan", "Nested loop", "Sort". */
  operation: string;
  table?: string;
  /** The server's access type (ALL, ref, eq_ref, range, index, const…). */
  accessType?: string;
  key?: string;
  possibleKeys?: string[];
  /** Estimated rows examined. */
  rows?: number;
  /** Estimated percentage of rows left by the condition. */
  filtered?: number;
  /** The optimizer's cost estimate, where the server reports one. */
  cost?: number;
  /** ANALYZE: rows actually read per loop, loops, and the time spent. */
  rRows?: number;
  rLoops?: number;
  rTotalTimeMs?: number;
  condition?: string;
  /** Other notes (Using index, Using temporary…). */
  extra?: string[];
  children: ExplainNode[];
}

export interface ExplainResult {
  /** `json`: EXPLAIN FORMAT=JSON; `analyze`: the statement was run and measured; `table`: tabular EXPLAIN. */
  format: 'json' | 'analyze' | 'table' | 'text';
  root: ExplainNode;
  /** The server's own output: JSON text, the tree text, or the tabular rows as JSON. */
  raw: string;
  /** Which number the plan's bars compare: the cost when the server gives one, else time or rows. */
  measure: 'cost' | 'time' | 'rows';
}
