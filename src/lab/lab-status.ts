export type { LabState, LabStatus } from '../shared/models/lab';

export const LAB_REGION = 'us-east-1';
export const LAB_DEFAULT_PORT = 4566;
