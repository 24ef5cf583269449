import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromAttributeMap, toAttributeMap } from '../../src/main/dynamo/attribute-values';
import { plainJsonLine } from '../../src/main/dynamo/plain-json-line';
import type { DynamoItem, DynamoValue } from '../../src/shared/models/dynamo';
import { dynamoItemSchema } from '../../src/shared/models/dynamo-schemas';
import {
  formatDynamoJson,
  formatPlainItem,
  itemToPlain,
  parseDynamoJson,
  parsePlainItem,
  plainToItem,
} from '../../src/shared/models/dynamo-values';

const number = fc.oneof(
  fc.integer().map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
  // DynamoDB keeps 38 significant digits: more than a double, so they must travel as text.
  fc.stringMatching(/^-?[1-9]\d{0,37}$/),
  fc.stringMatching(/^-?0\.\d{1,37}[1-9]$/),
  fc.constantFrom('1.50', '0.0', '1E+5', '-7e-3'),
);
const base64 = fc.uint8Array({ maxLength: 24 }).map((bytes) => Buffer.from(bytes).toString('base64'));
const key = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.constantFrom('$set', '$number', '$binary', '$map', '__proto__'),
);

const { value } = fc.letrec<{ value: DynamoValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ S: fc.string() }),
    fc.record({ N: number }),
    fc.record({ B: base64 }),
    fc.record({ BOOL: fc.boolean() }),
    fc.constant({ NULL: true as const }),
    fc.record({ SS: fc.uniqueArray(fc.string(), { minLength: 1, maxLength: 4 }) }),
    fc.record({ NS: fc.uniqueArray(number, { minLength: 1, maxLength: 4 }) }),
    fc.record({ BS: fc.uniqueArray(base64, { minLength: 1, maxLength: 3 }) }),
    fc.record({ M: fc.dictionary(key, tie('value'), { maxKeys: 4 }) }),
    fc.record({ L: fc.array(tie('value'), { maxLength: 4 }) }),
  ),
}));
// Attribute names have at least one character; map keys inside values may be empty.
const attributeName = key.filter((name) => name.length > 0);
const item: fc.Arbitrary<DynamoItem> = fc.dictionary(attributeName, value, { maxKeys: 5 });

describe('DynamoDB values on the wire', () => {
  it('export as the same JSON line straight from the SDK values as through the plain tree', () => {
    fc.assert(
      fc.property(item, (original) => {
        expect(plainJsonLine(toAttributeMap(original))).toBe(formatPlainItem(original, 0));
      }),
      { numRuns: 500 },
    );
  });

  it('survive the SDK AttributeValue round trip (binary as bytes there)', () => {
    fc.assert(
      fc.property(item, (original) => {
        expect(fromAttributeMap(toAttributeMap(original))).toEqual(original);
      }),
    );
  });

  it('survive plain JSON as a tree and as editor text, numbers digit for digit', () => {
    fc.assert(
      fc.property(item, (original) => {
        expect(plainToItem(itemToPlain(original))).toEqual(original);
        const text = formatPlainItem(original);
        expect(parsePlainItem(text)).toEqual({ ok: true, item: original });
        expect(parsePlainItem(formatPlainItem(original, 0))).toEqual({ ok: true, item: original });
      }),
    );
  });

  it('survive DynamoDB JSON text and pass the request schema', () => {
    fc.assert(
      fc.property(item, (original) => {
        expect(parseDynamoJson(formatDynamoJson(original))).toEqual({ ok: true, item: original });
        expect(dynamoItemSchema.safeParse(original).success).toBe(true);
      }),
    );
  });

  it('reads plain JSON as a user types it: big numbers exact, sets and binary tagged', () => {
    const text = `{
      "id": 12345678901234567890123456789012345678,
      "price": 0.1,
      "tags": {"$set": ["a", "b"]},
      "scores": {"$set": [1, 2.5]},
      "blob": {"$binary": "AAEC"},
      "empty": "",
      "nested": {"list": [null, true, {"$number": "1.50"}]}
    }`;
    expect(parsePlainItem(text)).toEqual({
      ok: true,
      item: {
        id: { N: '12345678901234567890123456789012345678' },
        price: { N: '0.1' },
        tags: { SS: ['a', 'b'] },
        scores: { NS: ['1', '2.5'] },
        blob: { B: 'AAEC' },
        empty: { S: '' },
        nested: { M: { list: { L: [{ NULL: true }, { BOOL: true }, { N: '1.50' }] } } },
      },
    });
  });

  it('points at the mistake in malformed JSON', () => {
    const result = parsePlainItem('{\n  "id": "1",\n  "name": "x"\n  "age": 3\n}');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ line: 4, column: 3 });
    expect(result.error.message).toMatch(/Expected ',' or '}' but found '"' \(line 4, column 3\)/);
    expect(parsePlainItem('{"a": {"$set": []}}')).toMatchObject({
      ok: false,
      error: { message: /non-empty/ },
    });
    expect(parsePlainItem('[1]')).toMatchObject({
      ok: false,
      error: { message: /An item is a JSON object/ },
    });
    expect(parseDynamoJson('{"a": {"N": 5}}')).toMatchObject({ ok: false });
    expect(parsePlainItem('{"a": 1} x')).toMatchObject({ ok: false, error: { column: 10 } });
  });
});
