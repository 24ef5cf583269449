import { LabError } from '../lab-error';

// Codes and HTTP statuses as the RDS API model declares them (awsQueryError traits), so the SDK raises
// the matching exception class: DBInstanceNotFound -> DBInstanceNotFoundFault, and so on. Codes the
// model does not declare (InvalidParameterValue, ...) are RDS's common errors; the SDK names them as is.

export const instanceNotFound = (id: string): LabError =>
  new LabError('DBInstanceNotFound', `DBInstance ${id} not found.`, 404);

export const instanceAlreadyExists = (id: string): LabError =>
  new LabError('DBInstanceAlreadyExists', `DB instance already exists: ${id}`, 400);

export const invalidInstanceState = (message: string): LabError =>
  new LabError('InvalidDBInstanceState', message, 400);

export const notAvailable = (id: string): LabError =>
  invalidInstanceState(`Instance ${id} is not in available state.`);

export const snapshotNotFound = (id: string): LabError =>
  new LabError('DBSnapshotNotFound', `DBSnapshot ${id} not found.`, 404);

export const snapshotAlreadyExists = (id: string): LabError =>
  new LabError(
    'DBSnapshotAlreadyExists',
    `Cannot create the snapshot because a snapshot with the identifier ${id} already exists.`,
    400,
  );

export const invalidSnapshotState = (message: string): LabError =>
  new LabError('InvalidDBSnapshotState', message, 400);

export const invalidParameterValue = (message: string): LabError =>
  new LabError('InvalidParameterValue', message, 400);

export const invalidParameterCombination = (message: string): LabError =>
  new LabError('InvalidParameterCombination', message, 400);

export const missingParameter = (name: string): LabError =>
  new LabError('MissingParameter', `The request must contain the parameter ${name}.`, 400);

export const invalidAction = (action: string): LabError =>
  new LabError(
    'InvalidAction',
    `The action ${action} is not valid for this web service (the lab's RDS supports the DB instance, snapshot and event actions).`,
    400,
  );

export const missingAction = (): LabError =>
  new LabError('MissingAction', 'The request must contain the parameter Action.', 400);

/** The lab cannot run DB instances here (no MariaDB server found): the closest RDS has is no capacity. */
export const noCapacity = (reason: string): LabError =>
  new LabError('InsufficientDBInstanceCapacity', `The local lab cannot run DB instances: ${reason}`, 400);

export const internalFailure = (): LabError =>
  new LabError('InternalFailure', 'The request processing has failed because of an unknown error.', 500);

export const serviceUnavailable = (): LabError =>
  new LabError('ServiceUnavailable', 'The lab is shutting down.', 503);
