import { z } from 'zod';
import {
  dynamoTableNameSchema,
  dynamoTarget,
  fileFormatSchema,
  readRequestSchema,
} from './models/dynamo-schemas';

/** Uploaded import files travel as text over the bridge, whose messages stop at 64 MB. */
export const DYNAMO_IMPORT_MAX_BYTES = 50 * 1024 * 1024;

/**
 * DynamoDB import and export from the page's side (spread into contract.ts): a save dialog (Electron)
 * or a one-time download (browser mode) for exports, the file's text for imports.
 */
export const dynamoTransferRequestSchemas = {
  /** Starts `dynamo.export` to a path the user picks or to a temp file; `jobId: null` when the dialog was dismissed. */
  'dynamo.exportFile': z
    .object({
      ...dynamoTarget,
      request: readRequestSchema,
      format: fileFormatSchema,
      segments: z.number().int().min(1).max(32).optional(),
    })
    .strict(),
  /** Browser mode: the download address of a finished export (each can be fetched once). */
  'dynamo.exportDownload': z.object({ jobId: z.string().min(1).max(64) }).strict(),
  /** Starts `dynamo.import` on an uploaded file's text. */
  'dynamo.importText': z
    .object({
      ...dynamoTarget,
      table: dynamoTableNameSchema,
      format: fileFormatSchema,
      text: z
        .string()
        .min(1, 'The file is empty')
        .max(DYNAMO_IMPORT_MAX_BYTES, 'The file is larger than 50 MB'),
    })
    .strict(),
};

export interface DynamoTransferResponses {
  'dynamo.exportFile': { jobId: string | null; fileName: string; delivery: 'path' | 'download' };
  'dynamo.exportDownload': { downloadUrl: string; fileName: string };
  'dynamo.importText': { jobId: string };
}
