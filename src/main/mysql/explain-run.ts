import type { Connection } from 'mysql2';
import { AppError } from '../../shared/errors';
import type { ExplainNode, ExplainResult } from '../../shared/models/explain';
import { classifyStatement } from '../../shared/sql/classify-statement';
import { parseExplainJson } from './explain-parse';
import { parseExplainTable, parseExplainTree } from './explain-text';
import { serverVersion } from './open-connection';

export interface ExplainRequest {
  sql: string;
  analyze?: boolean;
}

/** Comments and whitespace before the first keyword are skipped. */
export function firstKeyword(sql: string): string {
  const stripped = sql.replace(/^(\s+|--[^\n]*\n?|#[^\n]*\n?|\/\*[\s\S]*?\*\/)+/, '');
  return (/^[A-Za-z]+/.exec(stripped)?.[0] ?? '').toUpperCase();
}

function measureOf(root: ExplainNode, analyze: boolean): ExplainResult['measure'] {
  const any = (pick: (n: ExplainNode) => number | undefined): boolean => {
    const walk = (n: ExplainNode): boolean => pick(n) !== undefined || n.children.some(walk);
    return walk(root);
  };
  if (analyze && any((n) => n.rTotalTimeMs)) return 'time';
  if (any((n) => n.cost)) return 'cost';
  return 'rows';
}

async function rowsOf(conn: Connection, sql: string): Promise<Record<string, unknown>[]> {
  const [rows] = await conn.promise().query(sql);
  return rows as Record<string, unknown>[];
}

/**
 * EXPLAIN FORMAT=JSON (MariaDB, MySQL), or with `analyze` MariaDB's ANALYZE FORMAT=JSON / MySQL's
 * EXPLAIN ANALYZE, both of which run the statement, so only SELECTs are accepted for it.
 * Servers without JSON plans get the tabular EXPLAIN.
 */
export async function explainStatement(conn: Connection, req: ExplainRequest): Promise<ExplainResult> {
  const sql = req.sql.trim().replace(/;+\s*$/, '');
  const keyword = firstKeyword(sql);
  if (keyword === 'EXPLAIN' || keyword === 'ANALYZE') {
    throw new AppError('INVALID_REQUEST', 'Give the statement itself; the plan is asked for you.');
  }
  // The shared classifier, not the first word: `WITH c AS (…) DELETE …` starts with WITH, and
  // `SET STATEMENT … FOR` or an executable comment can hide what runs.
  const statement = classifyStatement(sql);
  if (req.analyze && (statement.kind !== 'read' || !['SELECT', 'TABLE', 'VALUES'].includes(statement.verb))) {
    throw new AppError(
      'INVALID_REQUEST',
      'ANALYZE runs the statement, so it is offered for SELECT statements only.',
    );
  }
  const mariadb = /mariadb/i.test(await serverVersion(conn));
  if (req.analyze) {
    if (mariadb) {
      const raw = String(
        Object.values((await rowsOf(conn, `ANALYZE FORMAT=JSON ${sql}`))[0] ?? {})[0] ?? '{}',
      );
      const root = parseExplainJson(JSON.parse(raw));
      return { format: 'analyze', root, raw, measure: measureOf(root, true) };
    }
    const raw = String(Object.values((await rowsOf(conn, `EXPLAIN ANALYZE ${sql}`))[0] ?? {})[0] ?? '');
    const root = parseExplainTree(raw);
    return { format: 'text', root, raw, measure: measureOf(root, true) };
  }
  try {
    const raw = String(Object.values((await rowsOf(conn, `EXPLAIN FORMAT=JSON ${sql}`))[0] ?? {})[0] ?? '{}');
    const root = parseExplainJson(JSON.parse(raw));
    return { format: 'json', root, raw, measure: measureOf(root, false) };
  } catch (err) {
    // Old servers do not know FORMAT=JSON (a parse error there); any other error is the statement's own.
    if ((err as { code?: string }).code !== 'ER_PARSE_ERROR') throw err;
    const rows = await rowsOf(conn, `EXPLAIN ${sql}`);
    const root = parseExplainTable(rows);
    return { format: 'table', root, raw: JSON.stringify(rows, null, 2), measure: 'rows' };
  }
}
