import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoItem } from '../../shared/models/dynamo';
import { toAttributeMap, toAttributeValue } from './attribute-values';

export interface Condition {
  ConditionExpression: string;
  ExpressionAttributeNames: Record<string, string>;
  ExpressionAttributeValues?: Record<string, AttributeValue>;
}

/**
 * The condition that makes a write fail if the item changed since it was loaded: every loaded
 * attribute still equal and every attribute the write adds still absent, or for a new item no item
 * with its key yet (pure). An attribute someone else added that the write does not touch goes unseen.
 */
export function unchangedSince(
  expected: DynamoItem | null,
  keyNames: readonly string[],
  written?: DynamoItem,
): Condition {
  if (expected === null) {
    return {
      ConditionExpression: keyNames.map((_, i) => `attribute_not_exists(#k${i})`).join(' AND '),
      ExpressionAttributeNames: Object.fromEntries(keyNames.map((name, i) => [`#k${i}`, name])),
    };
  }
  const names: Record<string, string> = {};
  const values: Record<string, AttributeValue> = {};
  const parts = Object.entries(expected).map(([name, value], i) => {
    names[`#a${i}`] = name;
    values[`:a${i}`] = toAttributeValue(value);
    return `#a${i} = :a${i}`;
  });
  // Attributes the editor adds must still be absent, so one added meanwhile by someone else conflicts.
  const added = Object.keys(written ?? {}).filter((name) => !Object.hasOwn(expected, name));
  added.forEach((name, i) => {
    names[`#b${i}`] = name;
    parts.push(`attribute_not_exists(#b${i})`);
  });
  return {
    ConditionExpression: parts.join(' AND '),
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}

/** The key attributes of an item. */
export function keyOf(item: DynamoItem, keyNames: readonly string[]): Record<string, AttributeValue> {
  const key: DynamoItem = {};
  for (const name of keyNames) {
    const value = item[name];
    if (value) key[name] = value;
  }
  return toAttributeMap(key);
}
