import type { SqlStatement } from '@shared/sql/split-statements';
import type { SqlDialect } from './format-sql';
import type { RunMode } from './run-target';

/** What formatting did, for the tab to tell the user. */
export type FormatOutcome = { ok: true; changed: boolean } | { ok: false; message: string };

/** What the tab can ask of its editor, without importing Monaco into the initial bundle. */
export interface SqlEditorHandle {
  /** The statements a run sends (see run-target.ts), with offsets into the editor's text. */
  getStatements: (mode: RunMode) => SqlStatement[];
  /** The selection, or the whole text when nothing is selected (what "Save query" keeps). */
  getText: () => string;
  /** Marks where a statement failed (the server's message shows on hover). */
  markError: (statement: SqlStatement, message: string) => void;
  clearErrors: () => void;
  /** Formats the selection, or the whole text, as one undoable edit. */
  format: (dialect: SqlDialect) => FormatOutcome;
  /** Puts text at the cursor (replacing the selection) on a line of its own, as one undoable edit. */
  insert: (text: string) => void;
  focus: () => void;
}
