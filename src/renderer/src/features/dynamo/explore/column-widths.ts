import type { DynamoItem } from '@shared/models/dynamo';
import { compactValue } from './item-columns';

const CHAR_PX = 7.3;
const MIN = 70;
const MAX = 360;

/** Column widths from the header and the first items' text (monospace, so characters suffice). */
export function columnWidths(columns: readonly string[], sample: readonly DynamoItem[]): number[] {
  return columns.map((c) => {
    let longest = c.length + 2;
    for (const item of sample) {
      const v = item[c];
      if (v) longest = Math.max(longest, Math.min(60, compactValue(v).length));
    }
    return Math.round(Math.min(MAX, Math.max(MIN, longest * CHAR_PX + 18)));
  });
}
