export type { LabState, LabStatus } from '../shared/models/lab';

/** Fixed lab credentials: the edge accepts any signed request, these are what the lab prints. */
export const LAB_CREDENTIALS = { accessKeyId: 'lab', secretAccessKey: 'lab' } as const;
export const LAB_REGION = 'us-east-1';
export const LAB_DEFAULT_PORT = 4566;
