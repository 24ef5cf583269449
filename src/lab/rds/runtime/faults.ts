import { randomInt } from 'node:crypto';
import { readSlaveStatus, setReplicationDelay, waitReplicaRunning } from '../../engine/replication';
import { waitUntil } from '../../engine/wait-until';
import type { RdsFaults } from '../../faults';
import { invalidInstanceState, invalidParameterValue } from '../errors';
import type { RdsState } from '../rds-state';
import type { NodeRuntime } from './node-runtime';

const FAULT_SQL = {
  noBinlog: 'SET SESSION sql_log_bin = 0',
  // In the mysql schema so it stays out of the user's own schemas; both sides create it if missing.
  createTable: 'CREATE TABLE IF NOT EXISTS mysql.rds_lab_fault (id BIGINT PRIMARY KEY)',
  insertRow: 'INSERT INTO mysql.rds_lab_fault (id) VALUES (?)',
  deleteRow: 'DELETE FROM mysql.rds_lab_fault WHERE id = ?',
  startSqlThread: 'START SLAVE SQL_THREAD',
} as const;
// The replica's SQL error names the row it could not insert again.
const CONFLICT = /rds_lab_fault.*Duplicate entry '(\d+)'/s;
const BREAK_OBSERVED_MS = 15_000;

/** Faults on demand against real processes; each shows from outside (endpoint, StatusInfos, events). */
export function createRdsFaults(state: RdsState, nodes: NodeRuntime): RdsFaults {
  return {
    async stopProcess(instanceId) {
      const instance = state.instance(instanceId);
      await nodes.stop(instance.id, instance.primary);
      state.recordEvent('db-instance', instance.id, 'The database process was stopped (fault injected)', [
        'failure',
      ]);
      await state.save();
    },

    async killProcess(instanceId) {
      const instance = state.instance(instanceId);
      await nodes.kill(instance.id, instance.primary);
    },

    // The same row goes into the replica (outside the binlog) and then into its source: when the
    // source's insert arrives, the replica's SQL thread stops on a duplicate key, as after a stray
    // write on a replica.
    async breakReplication(replicaId) {
      const replica = state.instance(replicaId);
      if (replica.sourceId === undefined)
        throw invalidInstanceState(`DB instance ${replica.id} is not a read replica.`);
      const source = state.instance(replica.sourceId);
      const id = randomInt(1, 2 ** 47);
      await nodes.withAdmin(replica.id, replica.primary, async (connection) => {
        await connection.query(FAULT_SQL.noBinlog);
        await connection.query(FAULT_SQL.createTable);
        await connection.query(FAULT_SQL.insertRow, [id]);
      });
      await nodes.withAdmin(source.id, source.primary, async (connection) => {
        await connection.query(FAULT_SQL.createTable);
        await connection.query(FAULT_SQL.insertRow, [id]);
      });
      await nodes.withAdmin(replica.id, replica.primary, (connection) =>
        waitUntil(async () => ((await readSlaveStatus(connection))?.Last_SQL_Errno ? true : undefined), {
          what: `the SQL thread of ${replica.id} to stop on the conflicting row`,
          timeoutMs: BREAK_OBSERVED_MS,
        }),
      );
      state.recordEvent(
        'db-instance',
        replica.id,
        'Replication was broken by a conflicting row (fault injected)',
        ['failure'],
      );
      await state.save();
    },

    // The replica's own copy of the row goes (outside the binlog, as it came); the SQL thread then
    // applies the source's insert it stopped on, and both sides hold the same rows again.
    async repairReplication(replicaId) {
      const replica = state.instance(replicaId);
      if (replica.sourceId === undefined)
        throw invalidInstanceState(`DB instance ${replica.id} is not a read replica.`);
      await nodes.withAdmin(replica.id, replica.primary, async (connection) => {
        const status = await readSlaveStatus(connection);
        const conflict = CONFLICT.exec(status?.Last_SQL_Error ?? '')?.[1];
        if (status?.Slave_SQL_Running === 'Yes' || conflict === undefined) {
          throw invalidInstanceState(`Replication of ${replica.id} is not broken by the lab's fault.`);
        }
        await connection.query(FAULT_SQL.noBinlog);
        await connection.query(FAULT_SQL.deleteRow, [conflict]);
        await connection.query(FAULT_SQL.startSqlThread);
        await waitReplicaRunning(connection, BREAK_OBSERVED_MS);
      });
      state.recordEvent('db-instance', replica.id, 'Replication was repaired (fault removed)', [
        'notification',
      ]);
      await state.save();
    },

    async setReplicaDelay(replicaId, seconds) {
      const replica = state.instance(replicaId);
      if (replica.sourceId === undefined)
        throw invalidInstanceState(`DB instance ${replica.id} is not a read replica.`);
      if (!Number.isInteger(seconds) || seconds < 0 || seconds > 86_400) {
        throw invalidParameterValue('The replica delay must be a whole number of seconds from 0 to 86400.');
      }
      await nodes.withAdmin(replica.id, replica.primary, (connection) =>
        setReplicationDelay(connection, seconds),
      );
    },
  };
}
