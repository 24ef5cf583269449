import type { Connection } from 'mysql2';
import { describe, expect, it } from 'vitest';
import { compareOnReplica } from '../../src/main/replication/replica-compare';
import type { RangeChecksum } from '../../src/main/replication/table-checksum';

/** A connection answering each checksum query with the next scripted [count, crc] in turn. */
function scripted(answers: [number, string][]): Connection & { asked: number } {
  const conn = {
    asked: 0,
    promise: () => ({
      query: async () => {
        const [rows, crc] = answers[conn.asked] ?? [0, '0:0'];
        conn.asked += 1;
        const [a, b] = crc.split(':');
        return [[[rows, a, b]]];
      },
    }),
  };
  return conn as unknown as Connection & { asked: number };
}

const shape = { columns: [{ name: 'id', dataType: 'int' }], keyColumns: ['id'] };
const sum = (rows: number, crc: string): RangeChecksum => ({ rows, crc });

function compare(primary: Connection, replica: Connection, primarySums: RangeChecksum[]) {
  return compareOnReplica({
    primary,
    replica,
    table: { schema: 'db', table: 't' },
    shape,
    chunks: primarySums.map((_, i) => ({ lower: i === 0 ? null : [i * 10], upper: [(i + 1) * 10] })),
    primarySums,
    checkAborted: () => undefined,
    onChunk: () => undefined,
    onNarrowing: () => undefined,
  });
}

describe('comparing chunks on a replica', () => {
  it('matches when every chunk has the same count and checksum', async () => {
    const replica = scripted([
      [10, '1:2'],
      [10, '3:4'],
    ]);
    const outcome = await compare(scripted([]), replica, [sum(10, '1:2'), sum(10, '3:4')]);
    expect(outcome).toEqual({ verdict: 'match', detail: '', rowsReplica: 20, differing: [] });
  });

  it('says "changed" when the primary chunk itself changed between the two reads', async () => {
    const primary = scripted([[11, '9:9']]);
    const replica = scripted([
      [11, '9:9'],
      [10, '3:4'],
    ]);
    const outcome = await compare(primary, replica, [sum(10, '1:2'), sum(10, '3:4')]);
    expect(outcome.verdict).toBe('changed');
    expect(outcome.detail).toBe('1 chunk(s) changed on the primary during the check');
    expect(primary.asked).toBe(1);
  });

  it('counts a difference that is gone on the second read as no difference', async () => {
    const primary = scripted([[10, '1:2']]);
    const replica = scripted([
      [9, '7:7'],
      [10, '1:2'],
    ]);
    const outcome = await compare(primary, replica, [sum(10, '1:2')]);
    expect(outcome).toMatchObject({ verdict: 'match', differing: [] });
  });
});
