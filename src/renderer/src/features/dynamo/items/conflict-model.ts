import type { DynamoItem } from '@shared/models/dynamo';
import { diffItems, type AttributeDiff } from './item-diff';

/** A conditional write that found the item changed: what is stored now (null: it was deleted). */
export interface WriteConflict {
  current: DynamoItem | null;
}

/** The CONFLICT error of a put or delete, as the editor shows it; undefined for any other error. */
export function conflictOf(
  err: { code: string; details?: Record<string, unknown> } | null | undefined,
): WriteConflict | undefined {
  if (!err || err.code !== 'CONFLICT' || !err.details || !('current' in err.details)) return undefined;
  const current = err.details['current'];
  return { current: current && typeof current === 'object' ? (current as DynamoItem) : null };
}

export interface ConflictRow extends AttributeDiff {
  /** Someone else changed this attribute since the editor loaded the item. */
  changedByThem: boolean;
  /** The user changed it in the editor. */
  changedByMe: boolean;
}

export interface ConflictView {
  /** The item was deleted behind the editor's back. */
  theirsDeleted: boolean;
  /** Theirs (before) against mine (after), attribute by attribute. */
  rows: ConflictRow[];
  /** Attributes both sides changed to different values: the real clashes. */
  clashes: string[];
  /** "Overwrite with mine": the write again, conditioned on what is stored now. */
  overwriteExpected: DynamoItem | null;
}

/** Side by side: what is stored now (theirs) against the editor's version (mine), and who changed what. */
export function conflictView(
  loaded: DynamoItem | null,
  mine: DynamoItem,
  conflict: WriteConflict,
  keyNames: string[],
): ConflictView {
  const theirs = conflict.current ?? undefined;
  const byThem = new Set(
    diffItems(loaded ?? undefined, theirs, keyNames)
      .filter((d) => d.change !== 'same')
      .map((d) => d.name),
  );
  const byMe = new Set(
    diffItems(loaded ?? undefined, mine, keyNames)
      .filter((d) => d.change !== 'same')
      .map((d) => d.name),
  );
  const rows = diffItems(theirs, mine, keyNames).map((d) => ({
    ...d,
    changedByThem: byThem.has(d.name),
    changedByMe: byMe.has(d.name),
  }));
  return {
    theirsDeleted: conflict.current === null,
    rows,
    clashes: rows.filter((r) => r.change !== 'same' && r.changedByThem && r.changedByMe).map((r) => r.name),
    overwriteExpected: conflict.current,
  };
}
