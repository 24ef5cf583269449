import { isSelect, splitPartiql, type PartiqlStatement } from './split-statements';

/** Where the user is in the editor, as offsets into its text. */
export interface EditorPlace {
  selectionStart: number;
  selectionEnd: number;
  cursor: number;
}

/** BatchExecuteStatement takes at most 25 statements. */
export const MAX_BATCH = 25;

/**
 * What Run sends: the selection's statements (offsets into the whole text, so errors can be marked),
 * or else the statement at the cursor. A cursor after a statement's `;` or on the blank lines below it
 * still means that statement, as it does in SQL consoles.
 */
export function partiqlTargets(text: string, place: EditorPlace): PartiqlStatement[] {
  const { selectionStart, selectionEnd, cursor } = place;
  if (selectionEnd > selectionStart && text.slice(selectionStart, selectionEnd).trim() !== '') {
    return splitPartiql(text.slice(selectionStart, selectionEnd)).map((s) => ({
      ...s,
      start: s.start + selectionStart,
      end: s.end + selectionStart,
    }));
  }
  const all = splitPartiql(text);
  const inside = all.find((s) => cursor >= s.start && cursor <= s.end);
  if (inside) return [inside];
  const before = all.filter((s) => s.end <= cursor).at(-1);
  const found = before ?? all.find((s) => s.start >= cursor);
  return found ? [found] : [];
}

export type RunPlan =
  | { kind: 'single'; statement: PartiqlStatement }
  | { kind: 'batch'; statements: PartiqlStatement[] }
  | { kind: 'refused'; message: string };

/**
 * One statement runs on its own (ExecuteStatement, paged); several go in one BatchExecuteStatement,
 * which DynamoDB only accepts with up to 25 statements that are all reads or all writes.
 */
export function planRun(statements: PartiqlStatement[]): RunPlan {
  const [first] = statements;
  if (!first)
    return { kind: 'refused', message: 'Nothing to run: write a statement, or put the cursor on one.' };
  if (statements.length === 1) return { kind: 'single', statement: first };
  if (statements.length > MAX_BATCH)
    return {
      kind: 'refused',
      message: `${statements.length} statements: a batch holds at most ${MAX_BATCH}. Select fewer and run them.`,
    };
  const reads = statements.filter((s) => isSelect(s.text)).length;
  if (reads > 0 && reads < statements.length)
    return {
      kind: 'refused',
      message: `A batch is all reads or all writes: these are ${reads} SELECT and ${statements.length - reads} other statements. Select one kind and run it.`,
    };
  return { kind: 'batch', statements };
}
