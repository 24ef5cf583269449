import type { SlaveStatus } from '../../engine/replication';
import type { ReplicationStatusInfo } from '../workflows';

/**
 * A read replica's StatusInfos entry from its real SHOW SLAVE STATUS: `replicating` while both
 * threads run (or the IO thread retries), `error` with the server's own error text when a thread
 * stopped on an error, `stopped` when replication was stopped without one.
 */
export function replicationStatusFrom(status: SlaveStatus | undefined): ReplicationStatusInfo {
  if (status === undefined) {
    return { status: 'stopped', normal: false, message: 'Replication is not configured on this instance.' };
  }
  const io = status.Slave_IO_Running;
  const sql = status.Slave_SQL_Running;
  if (status.Last_SQL_Errno !== 0) return { status: 'error', normal: false, message: status.Last_SQL_Error };
  // An IO thread that is retrying (source rebooting, failing over) has not given up: still replicating,
  // but not normal, with the reason it gives.
  if (io === 'Connecting' && sql === 'Yes') {
    const message =
      status.Last_IO_Errno !== 0 ? status.Last_IO_Error : 'Connecting to the source DB instance.';
    return { status: 'replicating', normal: false, message };
  }
  if (status.Last_IO_Errno !== 0) return { status: 'error', normal: false, message: status.Last_IO_Error };
  if (io === 'Yes' && sql === 'Yes') return { status: 'replicating', normal: true };
  return {
    status: 'stopped',
    normal: false,
    message: `Replication is stopped (IO thread: ${io}, SQL thread: ${sql}).`,
  };
}

export const PROCESS_DOWN: ReplicationStatusInfo = {
  status: 'error',
  normal: false,
  message: "The replica's database process is not running.",
};
