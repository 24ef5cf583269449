import { Alert, Text } from '@mantine/core';
import type { ReplicaStatus, ReplicationError } from '@shared/models/replication';
import { FieldSection } from '@renderer/components/field-section';
import { formatLagSeconds } from '../replication-format';
import classes from './node-detail.module.css';

const num = (v: number | null) => (v === null ? null : String(v));
const mono = (v: string | null) =>
  v ? <span style={{ fontFamily: 'var(--mantine-font-family-monospace)' }}>{v}</span> : null;

function errorText(e: ReplicationError | null): string | null {
  return e ? `${e.errno}: ${e.message}` : null;
}

/** One replication channel: threads, source, positions, delay and its last errors. */
export function ChannelSection({ channel: c }: { channel: ReplicaStatus }) {
  const title = c.channel === '' ? 'Replication channel' : `Channel ${c.channel}`;
  return (
    <>
      {[c.lastIoError, c.lastSqlError].map(
        (e, i) =>
          e && (
            <Alert
              key={i}
              color="red"
              variant="light"
              className={classes.error}
              title={`Last ${i === 0 ? 'IO' : 'SQL'} error ${e.errno}${e.at ? ` at ${new Date(e.at).toLocaleString()}` : ''}`}
              data-testid={i === 0 ? 'last-io-error' : 'last-sql-error'}
            >
              <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
                {e.message}
              </Text>
            </Alert>
          ),
      )}
      <FieldSection
        title={title}
        fields={[
          ['IO thread', `${c.ioThread}${c.ioState ? ` (${c.ioState})` : ''}`],
          ['SQL thread', `${c.sqlThread}${c.sqlState ? ` (${c.sqlState})` : ''}`],
          ['Seconds behind', formatLagSeconds(c.secondsBehind)],
          ['Source', mono(`${c.sourceUser}@${c.sourceHost}:${c.sourcePort}`)],
          ['Source server id', num(c.sourceServerId)],
          ['Source UUID', mono(c.sourceUuid)],
          ['GTID mode', c.gtidMode],
          ['GTID received', mono(c.gtidReceived)],
          ['GTID executed', mono(c.gtidExecuted)],
          ['Read position', mono(c.sourceLogFile ? `${c.sourceLogFile}:${c.readSourceLogPos ?? '?'}` : null)],
          [
            'Executed position',
            mono(c.relaySourceLogFile ? `${c.relaySourceLogFile}:${c.execSourceLogPos ?? '?'}` : null),
          ],
          ['Relay log', mono(c.relayLogFile ? `${c.relayLogFile}:${c.relayLogPos ?? '?'}` : null)],
          ['Delay', c.sqlDelay > 0 ? `${c.sqlDelay} s (${num(c.sqlRemainingDelay) ?? '—'} s left)` : 'none'],
          ['Last IO error', errorText(c.lastIoError)],
          ['Last SQL error', errorText(c.lastSqlError)],
        ]}
      />
    </>
  );
}

/** Every field of SHOW REPLICA STATUS as the server named it. */
export function RawFields({ raw }: { raw: Record<string, string | null> }) {
  const entries = Object.entries(raw);
  if (entries.length === 0) return null;
  return (
    <table className={classes.raw} data-testid="raw-fields">
      <tbody>
        {entries.map(([name, value]) => (
          <tr key={name}>
            <td>{name}</td>
            <td>{value === null ? <span className={classes.null}>NULL</span> : value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
