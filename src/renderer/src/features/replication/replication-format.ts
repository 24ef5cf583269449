import type { Tone } from '@renderer/components/tone-dot';
import type {
  NodeHealth,
  NodeRole,
  ReplicaStatus,
  ReplicationNode,
  ThreadState,
} from '@shared/models/replication';

/** green, amber, red, grey: the colour of each health, as the issue names them. */
export const HEALTH_TONE: Record<NodeHealth, Extract<Tone, 'green' | 'yellow' | 'red' | 'gray'>> = {
  healthy: 'green',
  lagging: 'yellow',
  broken: 'red',
  unreachable: 'gray',
};

/** The word beside the colour, so the state does not rest on colour alone. */
export const HEALTH_LABEL: Record<NodeHealth, string> = {
  healthy: 'Healthy',
  lagging: 'Lagging',
  broken: 'Broken',
  unreachable: 'Unreachable',
};

export const ROLE_LABEL: Record<NodeRole, string> = {
  primary: 'primary',
  replica: 'replica',
  relay: 'relay',
  standalone: 'standalone',
};

export const THREAD_TONE: Record<ThreadState, Tone> = {
  running: 'green',
  connecting: 'yellow',
  stopped: 'red',
};

const DASH = '—';

/** Seconds of lag as people read them: `0 s`, `42 s`, `3 m 05 s`, `2 h 14 m`; null as a dash. */
export function formatLagSeconds(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return DASH;
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} m ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} m`;
}

/** A measured lag in milliseconds: `8 ms` under a second, then seconds with one decimal below a minute. */
export function formatLagMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return DASH;
  const v = Math.max(0, ms);
  if (v < 1000) return `${Math.round(v)} ms`;
  if (v < 60_000) return `${(v / 1000).toFixed(1)} s`;
  return formatLagSeconds(v / 1000);
}

/** Refresh and query times: `12 ms`, `1.4 s`. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return DASH;
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

const UUID_SET = /^([0-9a-f]{8})-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(:.*)$/i;

/**
 * A GTID position short enough for a card: MySQL's server UUIDs cut to their first 8 digits, and only
 * the first domain or UUID with a count of the others. The full text stays in the detail panel.
 */
export function abbreviateGtid(gtid: string | null | undefined): string {
  if (!gtid || gtid.trim() === '') return DASH;
  const parts = gtid
    .replace(/\s+/g, '')
    .split(',')
    .filter((p) => p !== '');
  const first = (parts[0] ?? '').replace(UUID_SET, '$1…$2');
  return parts.length > 1 ? `${first} +${parts.length - 1}` : first;
}

/** The largest Seconds_Behind over a replica's channels; null when none reports one. */
export function reportedLagSeconds(node: Pick<ReplicationNode, 'channels'>): number | null {
  const values = node.channels.map((c) => c.secondsBehind).filter((v): v is number => v !== null);
  return values.length === 0 ? null : Math.max(...values);
}

/** `IO running · SQL stopped` for a channel; the channel's name first when it has one. */
export function threadsText(channel: Pick<ReplicaStatus, 'channel' | 'ioThread' | 'sqlThread'>): string {
  const name = channel.channel === '' ? '' : `${channel.channel}: `;
  return `${name}IO ${channel.ioThread} · SQL ${channel.sqlThread}`;
}

/** `10.11.6-MariaDB-0+deb12u1-log` → `MariaDB 10.11.6`; `8.0.35` → `MySQL 8.0.35`. */
export function serverText(flavor: 'mariadb' | 'mysql', version: string): string {
  const number = /^\d+(\.\d+)*/.exec(version)?.[0] ?? version;
  return `${flavor === 'mariadb' ? 'MariaDB' : 'MySQL'} ${number}`;
}
