import type { DynamoItem, DynamoValue } from '@shared/models/dynamo';
import { valueToPlain } from '@shared/models/dynamo-values';
import { formatJsonTree } from '@shared/models/json-text';

/** The preview's columns: the keys first, then other attributes in order of appearance, at most `max`. */
export function previewColumns(
  items: DynamoItem[],
  keyNames: string[],
  max = 8,
): { names: string[]; more: number } {
  const names = [...keyNames];
  for (const item of items) for (const name of Object.keys(item)) if (!names.includes(name)) names.push(name);
  return { names: names.slice(0, max), more: Math.max(0, names.length - max) };
}

/** A cell: strings as they are, everything else as compact plain JSON ($set, $binary tagged). */
export function cellText(value: DynamoValue | undefined): string {
  if (value === undefined) return '';
  if ('S' in value) return value.S;
  return formatJsonTree(valueToPlain(value), 0);
}
