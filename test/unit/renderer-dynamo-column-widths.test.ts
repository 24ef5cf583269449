import { describe, expect, it } from 'vitest';
import { columnWidths } from '../../src/renderer/src/features/dynamo/explore/column-widths';

describe('the explorer grid column widths', () => {
  const items = [{ UserID: { S: '1001' }, Name: { S: 'Monowar' } }];

  it('leaves a key column room for its name beside the "partition key" label', () => {
    const [keyed, plain] = columnWidths(['UserID', 'Name'], items, ['UserID']);
    const [unkeyed] = columnWidths(['UserID'], items);
    // "UserID" (6 monospace characters at 7.3 px) plus the label and padding.
    expect(keyed).toBeGreaterThanOrEqual(6 * 7.3 + 80 + 18);
    expect(keyed).toBeGreaterThan(unkeyed ?? 0);
    expect(plain).toBe(columnWidths(['Name'], items)[0]);
  });

  it('sizes other columns by their longest value, within bounds', () => {
    const long = [{ Note: { S: 'x'.repeat(500) } }, { Note: { S: 'short' } }];
    expect(columnWidths(['Note'], long)).toEqual([360]);
    expect(columnWidths(['a'], [{ a: { N: '1' } }])).toEqual([70]);
  });
});
