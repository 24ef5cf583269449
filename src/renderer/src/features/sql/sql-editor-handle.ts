/** What the tab can ask of its editor, without importing Monaco into the initial bundle. */
export interface SqlEditorHandle {
  getTextToRun: () => string;
  focus: () => void;
}
