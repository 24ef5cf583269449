/** What the history and saved-queries panel may do with an entry's SQL in the editor beside it. */
export interface SidePanelActions {
  /** Puts the SQL into the editor at the cursor. */
  onInsert: (sql: string) => void;
  /** Runs the SQL as a script on the tab's session. */
  onRun: (sql: string) => void;
  /** Saves the editor's selection or text under a name. */
  onSaveCurrent: () => void;
  canRun: boolean;
}
