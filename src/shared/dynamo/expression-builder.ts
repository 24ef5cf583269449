import type { BuiltExpression, DynamoItem, DynamoValue } from '../models/dynamo';
import type { FilterInput, ReadRequest } from '../models/dynamo-schemas';
import { queryCode } from './query-code';

/** Collects #name and :value placeholders; every attribute name goes through one, so reserved words are safe. */
class Placeholders {
  readonly names: Record<string, string> = {};
  readonly values: DynamoItem = {};
  private readonly byName = new Map<string, string>();
  private valueCount = 0;

  name(attribute: string): string {
    let placeholder = this.byName.get(attribute);
    if (!placeholder) {
      placeholder = `#n${this.byName.size}`;
      this.byName.set(attribute, placeholder);
      this.names[placeholder] = attribute;
    }
    return placeholder;
  }

  value(value: DynamoValue): string {
    const placeholder = `:v${this.valueCount++}`;
    this.values[placeholder] = value;
    return placeholder;
  }
}

const COMPARISONS = new Set(['=', '<>', '<', '<=', '>', '>=']);

function condition(p: Placeholders, f: FilterInput): string {
  const n = p.name(f.name);
  const v = (value: DynamoValue | undefined): string => p.value(value as DynamoValue);
  if (COMPARISONS.has(f.op)) return `${n} ${f.op} ${v(f.value)}`;
  switch (f.op) {
    case 'between':
      return `${n} BETWEEN ${v(f.value)} AND ${v(f.value2)}`;
    case 'begins_with':
      return `begins_with(${n}, ${v(f.value)})`;
    case 'contains':
      return `contains(${n}, ${v(f.value)})`;
    case 'not_contains':
      return `NOT contains(${n}, ${v(f.value)})`;
    case 'exists':
      return `attribute_exists(${n})`;
    case 'not_exists':
      return `attribute_not_exists(${n})`;
    case 'in':
      return `${n} IN (${(f.values ?? []).map((value) => p.value(value)).join(', ')})`;
    case 'attribute_type':
      return `attribute_type(${n}, ${v(f.value)})`;
    default:
      throw new Error(`Unknown filter operator ${f.op}`);
  }
}

/** The expressions, names and values a scan or query request becomes (pure; shown and copied by the UI). */
export function buildExpression(req: ReadRequest, region: string): BuiltExpression {
  const p = new Placeholders();
  let keyConditionExpression: string | undefined;
  if (req.mode === 'query' && req.partitionKey) {
    const parts = [`${p.name(req.partitionKey.name)} = ${p.value(req.partitionKey.value)}`];
    const sk = req.sortKey;
    if (sk) {
      const n = p.name(sk.name);
      if (sk.op === 'between')
        parts.push(`${n} BETWEEN ${p.value(sk.value)} AND ${p.value(sk.value2 as DynamoValue)}`);
      else if (sk.op === 'begins_with') parts.push(`begins_with(${n}, ${p.value(sk.value)})`);
      else parts.push(`${n} ${sk.op} ${p.value(sk.value)}`);
    }
    keyConditionExpression = parts.join(' AND ');
  }
  const filters = (req.filters ?? []).map((f) => condition(p, f));
  const filterExpression = filters.length ? filters.join(' AND ') : undefined;
  const projectionExpression = req.projection?.length
    ? req.projection.map((name) => p.name(name)).join(', ')
    : undefined;
  const built: Omit<BuiltExpression, 'code'> = {
    operation: req.mode === 'query' ? 'Query' : 'Scan',
    tableName: req.table,
    ...(req.index ? { indexName: req.index } : {}),
    ...(keyConditionExpression ? { keyConditionExpression } : {}),
    ...(filterExpression ? { filterExpression } : {}),
    ...(projectionExpression ? { projectionExpression } : {}),
    ...(Object.keys(p.names).length ? { expressionAttributeNames: p.names } : {}),
    ...(Object.keys(p.values).length ? { expressionAttributeValues: p.values } : {}),
    ...(req.consistentRead ? { consistentRead: true } : {}),
    ...(req.mode === 'query' && req.descending ? { scanIndexForward: false } : {}),
    limit: req.limit,
  };
  return { ...built, code: queryCode(built, region) };
}
