import type { MeasuredLag, NodeHealth, NodeRole, ReplicaStatus } from '../../shared/models/replication';

export const DEFAULT_LAG_THRESHOLD_SECONDS = 5;

export interface HealthInput {
  /** The node's channels when it could be read; null when it could not (see `error`). */
  channels: ReplicaStatus[] | null;
  /** Why the node could not be read: connection refused, timeout, missing privilege. */
  error: { message: string } | null;
  measured: MeasuredLag | null;
  thresholdSeconds: number;
}

export interface Health {
  health: NodeHealth;
  reason: string;
}

const RANK: Record<NodeHealth, number> = { healthy: 0, lagging: 1, broken: 2, unreachable: 3 };

/**
 * Grey when the node cannot be read, else the worst of its channels: red on a stopped thread or a
 * thread stopped by an error (the reason is the error's own text), amber when the lag (measured by
 * the heartbeat when known, else Seconds_Behind) or a configured delay exceeds the threshold.
 */
export function nodeHealth(input: HealthInput): Health {
  if (input.error || input.channels === null) {
    return { health: 'unreachable', reason: input.error?.message ?? 'Not read yet' };
  }
  if (input.channels.length === 0) return { health: 'healthy', reason: 'Running' };
  const multi = input.channels.length > 1;
  let worst: Health | undefined;
  for (const channel of input.channels) {
    const found = channelHealth(channel, input.measured, input.thresholdSeconds);
    const named =
      multi && channel.channel ? { ...found, reason: `${channel.channel}: ${found.reason}` } : found;
    if (!worst || RANK[named.health] > RANK[worst.health]) worst = named;
  }
  return worst ?? { health: 'healthy', reason: 'Running' };
}

export function channelHealth(
  channel: ReplicaStatus,
  measured: MeasuredLag | null,
  thresholdSeconds: number,
): Health {
  // An error counts while its thread is not running: START REPLICA clears them, a running thread
  // with an old message left is not broken.
  if (channel.sqlThread !== 'running') {
    return { health: 'broken', reason: channel.lastSqlError?.message || 'The SQL thread is stopped' };
  }
  if (channel.ioThread === 'stopped') {
    return { health: 'broken', reason: channel.lastIoError?.message || 'The IO thread is stopped' };
  }
  if (channel.ioThread === 'connecting') {
    if (channel.lastIoError) return { health: 'broken', reason: channel.lastIoError.message };
    return { health: 'lagging', reason: 'The IO thread is connecting to the source' };
  }
  const lagSeconds =
    measured?.lagMs !== null && measured?.lagMs !== undefined
      ? measured.lagMs / 1000
      : (channel.secondsBehind ?? 0);
  const effective = Math.max(lagSeconds, channel.sqlDelay);
  const lagText = formatSeconds(lagSeconds);
  const delayText = channel.sqlDelay > 0 ? ` (configured delay ${channel.sqlDelay} s)` : '';
  if (lagSeconds > thresholdSeconds) {
    return {
      health: 'lagging',
      reason: `Lag ${lagText}${delayText}, above the ${thresholdSeconds} s threshold`,
    };
  }
  // A delay above the threshold is lag by design, even before the lag itself has grown to it.
  if (effective > thresholdSeconds) {
    return {
      health: 'lagging',
      reason: `Configured delay ${channel.sqlDelay} s, above the ${thresholdSeconds} s threshold (lag now ${lagText})`,
    };
  }
  return { health: 'healthy', reason: `Replicating, lag ${lagText}${delayText}` };
}

/** Primary: has replicas, no source; replica: the reverse; relay: both; standalone: neither. */
export function nodeRole(hasSource: boolean, hasReplicas: boolean): NodeRole {
  if (hasSource && hasReplicas) return 'relay';
  if (hasSource) return 'replica';
  if (hasReplicas) return 'primary';
  return 'standalone';
}

function formatSeconds(seconds: number): string {
  if (seconds < 1 && seconds > 0) return `${Math.round(seconds * 1000)} ms`;
  return `${Math.round(seconds * 10) / 10} s`;
}
