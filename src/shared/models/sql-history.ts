import { z } from 'zod';
import { profileIdSchema } from './profile';

/** One statement run on a connection, as the history keeps it. */
export interface HistoryEntry {
  id: string;
  profileId: string;
  sql: string;
  /** When the statement was sent (ISO). */
  startedAt: string;
  durationMs: number;
  /** Rows read, for a statement that returned rows (updated once the result is complete). */
  rowCount?: number;
  /** Rows changed, for a statement that returned none. */
  affectedRows?: number;
  error?: { code: string; message: string };
}

/** A named query, kept for one connection profile or for all of them (`profileId: null`). */
export interface SavedQuery {
  id: string;
  name: string;
  sql: string;
  profileId: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Runs kept per connection; the oldest go first. */
export const HISTORY_CAP = 500;
/** Longer SQL is cut in the history (a pasted dump should not bloat the file). */
export const HISTORY_SQL_MAX = 20_000;
export const SAVED_SQL_MAX = 1_000_000;

export const historyListSchema = z
  .object({
    profileId: profileIdSchema,
    /** Case-insensitive text the SQL must contain. */
    search: z.string().max(200).optional(),
    limit: z.number().int().min(1).max(HISTORY_CAP).optional(),
  })
  .strict();

export const savedQuerySaveSchema = z
  .object({
    /** Absent to add a query; an existing id to rename or change it. */
    id: z.string().min(1).max(64).optional(),
    name: z.string().trim().min(1, 'Name the query').max(120, 'At most 120 characters'),
    sql: z.string().min(1, 'The query is empty').max(SAVED_SQL_MAX),
    profileId: profileIdSchema.nullable(),
  })
  .strict();
