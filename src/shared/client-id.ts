import { z } from 'zod';

/**
 * An id the renderer makes for a run or job it is about to start (a result, a fetch-all job), so it
 * can listen for that id's events before it calls and miss none. Letters, digits, `_` and `-` only:
 * a UUID fits, and the id can never read as a path or markup. The main process refuses one in use.
 */
export const clientIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'An id is 1 to 64 letters, digits, "_" or "-"');
