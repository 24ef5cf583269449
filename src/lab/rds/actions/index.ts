import type { Action } from '../action-context';
import { createDBInstance } from './create-instance';
import { deleteDBInstance } from './delete-instance';
import { describeDBInstances } from './describe-instances';
import { describeEvents } from './events';
import { modifyDBInstance } from './modify-instance';
import { rebootDBInstance, startDBInstance, stopDBInstance } from './power';
import { createDBInstanceReadReplica, promoteReadReplica } from './replicas';
import { restoreDBInstanceFromDBSnapshot } from './restore-instance';
import { createDBSnapshot, deleteDBSnapshot, describeDBSnapshots } from './snapshots';

/** Every RDS action the lab serves, by its Query-protocol name. */
export const RDS_ACTIONS: Readonly<Record<string, Action>> = {
  CreateDBInstance: createDBInstance,
  DescribeDBInstances: describeDBInstances,
  CreateDBInstanceReadReplica: createDBInstanceReadReplica,
  PromoteReadReplica: promoteReadReplica,
  RebootDBInstance: rebootDBInstance,
  StopDBInstance: stopDBInstance,
  StartDBInstance: startDBInstance,
  DeleteDBInstance: deleteDBInstance,
  ModifyDBInstance: modifyDBInstance,
  CreateDBSnapshot: createDBSnapshot,
  DescribeDBSnapshots: describeDBSnapshots,
  DeleteDBSnapshot: deleteDBSnapshot,
  RestoreDBInstanceFromDBSnapshot: restoreDBInstanceFromDBSnapshot,
  DescribeEvents: describeEvents,
};
