import {
  lineStartOffsets,
  positionOf,
  splitStatements,
  statementAt,
  type SqlStatement,
} from '@shared/sql/split-statements';

/** `current`: the selection, or the statement at the cursor. `script`: every statement. */
export type RunMode = 'current' | 'script';

/** Where the user is in the editor, as offsets into its text. */
export interface EditorPlace {
  selectionStart: number;
  selectionEnd: number;
  cursor: number;
}

/**
 * The statements a run sends, with offsets into the editor's whole text (so an error can be marked
 * where it is). A selection is split on its own, so selecting two statements runs both.
 */
export function runTargets(text: string, place: EditorPlace, mode: RunMode): SqlStatement[] {
  if (mode === 'script') return splitStatements(text);
  const { selectionStart, selectionEnd } = place;
  if (selectionEnd > selectionStart) {
    const lines = lineStartOffsets(text);
    return splitStatements(text.slice(selectionStart, selectionEnd)).map((s) => {
      const start = s.start + selectionStart;
      return { ...s, start, end: s.end + selectionStart, ...positionOf(lines, start) };
    });
  }
  const found = statementAt(splitStatements(text), place.cursor);
  return found ? [found] : [];
}

/** A result tab's title: the statement's start on one line, cut to a tab's width. */
export function statementTitle(text: string, max = 28): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length <= max ? oneLine : `${oneLine.slice(0, max - 1).trimEnd()}…`;
}
