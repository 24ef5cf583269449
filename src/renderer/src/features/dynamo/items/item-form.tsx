import { Badge, useComputedColorScheme } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import type { DynamoItem } from '@shared/models/dynamo';
import type { JsonTextError } from '@shared/models/json-text';
import { toApiError, type ApiError } from '@renderer/api/api-error';
import type { ItemEditorProps } from '../item-editor-host';
import { useDynamoPrices } from '../use-dynamo';
import { conflictOf, conflictView, type ConflictView } from './conflict-model';
import { ConflictActions, ConflictPanel } from './conflict-panel';
import { dropDraft, setPreferredMode, writeDraft, type ItemDraft } from './draft-store';
import { DrawerFrame } from './drawer-frame';
import { checkEdit, editorTitle } from './editor-model';
import { FormFooter } from './form-footer';
import { FormMessages, RestoredDraftNote, type FormNote } from './form-messages';
import { itemsEqual } from './item-diff';
import { itemToText, keyLabel, switchMode, type ItemTextMode } from './item-text';
import { LazyJsonEditor } from './lazy-json-editor';
import { ModeToolbar } from './mode-toolbar';
import { stagingScope, useStagingStore } from './staging-store';
import { useItemWrites } from './use-item-writes';
import { notifyWrite } from './write-notice';
import classes from './item-editor.module.css';

export interface ItemFormProps extends ItemEditorProps {
  /** Where this edit's draft is kept. */
  draftKey: string;
  initial: ItemDraft;
  /** What the text is when nothing was edited (the loaded item, the template, a new item's keys). */
  start: DynamoItem;
  /** The draft was restored from an earlier visit. */
  restored: boolean;
  onDiscardDraft: () => void;
}

interface Conflict {
  view: ConflictView;
  mine: DynamoItem;
}

/** Edit or create one item: the JSON text, its checks, a conditional save, staging and conflicts. */
export function ItemForm(props: ItemFormProps) {
  const { profile, region, table, request, transactions, draftKey, start, onClose, onDone } = props;
  const writes = useItemWrites(props);
  const { keyNames } = writes;
  const colorScheme = useComputedColorScheme('light');
  const prices = useDynamoPrices().data;
  const stage = useStagingStore((s) => s.stage);
  const [mode, setMode] = useState<ItemTextMode>(props.initial.mode);
  const [text, setText] = useState(props.initial.text);
  const [revision, setRevision] = useState(0);
  const [loaded, setLoaded] = useState<DynamoItem | null>(props.initial.loaded);
  // Errors show once a save or stage was refused, then follow the text as it is fixed.
  const [checking, setChecking] = useState(false);
  const [switchError, setSwitchError] = useState<JsonTextError | null>(null);
  const [note, setNote] = useState<FormNote | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [restored, setRestored] = useState(props.restored);
  const checked = useMemo(() => checkEdit(text, mode, table, loaded), [text, mode, table, loaded]);
  const error = switchError ?? (checking && !checked.ok ? checked.error : null);
  const creating = loaded === null;
  const edited = text !== itemToText(loaded ?? start, mode);

  const remember = (nextText: string, nextMode: ItemTextMode, nextLoaded: DynamoItem | null) => {
    if (nextText === itemToText(nextLoaded ?? start, nextMode)) dropDraft(draftKey);
    else writeDraft(draftKey, { text: nextText, mode: nextMode, loaded: nextLoaded });
  };

  const replaceText = (next: string, nextMode: ItemTextMode, nextLoaded: DynamoItem | null) => {
    setText(next);
    setMode(nextMode);
    setRevision((r) => r + 1);
    remember(next, nextMode, nextLoaded);
  };

  const onChange = (next: string) => {
    setText(next);
    setSwitchError(null);
    setNote(null);
    remember(next, mode, loaded);
  };

  const switchTo = (to: ItemTextMode) => {
    const switched = switchMode(text, mode, to);
    if (switched.error) {
      setSwitchError(switched.error);
      return;
    }
    setSwitchError(null);
    setPreferredMode(to);
    replaceText(switched.text, to, loaded);
  };

  /** The checked item, or null after showing why there is none to write. */
  const ready = (): DynamoItem | null => {
    setChecking(true);
    setSwitchError(null);
    setFailure(null);
    if (!checked.ok) return null;
    if (loaded && itemsEqual(checked.item, loaded)) {
      setNote({ text: 'Nothing changed, so nothing was written.' });
      return null;
    }
    setNote(null);
    return checked.item;
  };

  const write = async (item: DynamoItem, expected: DynamoItem | null) => {
    setBusy(true);
    setFailure(null);
    try {
      const res = await writes.put(item, expected);
      dropDraft(draftKey);
      const verb = expected === null ? 'Created' : conflict ? 'Overwrote' : 'Saved';
      notifyWrite(`${verb} ${keyLabel(item, keyNames)}`, res.consumed, region, prices);
      onDone({ consumed: res.consumed, written: [res.item] });
    } catch (err) {
      const apiError = toApiError(err);
      const found = conflictOf(apiError);
      if (found) setConflict({ view: conflictView(expected, item, found, keyNames), mine: item });
      else setFailure(apiError);
    } finally {
      setBusy(false);
    }
  };

  const save = () => {
    const item = ready();
    if (item) void write(item, loaded);
  };

  const stageIt = () => {
    const item = ready();
    if (!item) return;
    const refused = stage(
      stagingScope(profile, region),
      { kind: 'put', table: table.name, item, expected: loaded, keyNames },
      keyNames,
    );
    if (refused) {
      setNote({ text: refused, warn: true });
      return;
    }
    dropDraft(draftKey);
    notifications.show({ message: `Staged ${keyLabel(item, keyNames)}`, autoClose: 2500 });
    onClose();
  };

  const keepEditing = (current: DynamoItem | null) => {
    setConflict(null);
    if (creating) {
      // A new item stays new: its key is what the user will most likely change.
      setNote({ text: 'An item with this key exists: change the key, or choose Overwrite to replace it.' });
      return;
    }
    // The user has seen what is stored now: the next save is checked against that version.
    setLoaded(current);
    setNote({ text: 'Your next save is checked against the item as it is stored now.' });
    remember(text, mode, current);
  };

  const reload = (current: DynamoItem | null) => {
    setConflict(null);
    if (!current) {
      dropDraft(draftKey);
      onClose();
      return;
    }
    setLoaded(current);
    setNote(null);
    setChecking(false);
    replaceText(itemToText(current, mode), mode, current);
  };

  const state = conflict ? 'conflict' : busy ? 'saving' : error ? 'invalid' : 'editing';
  return (
    <DrawerFrame
      title={editorTitle(request, keyNames)}
      aside={
        edited && (
          <Badge size="xs" variant="light" color="yellow" data-testid="dynamo-item-edited">
            edited
          </Badge>
        )
      }
      onClose={onClose}
      state={state}
      footer={
        conflict ? (
          <ConflictActions
            view={conflict.view}
            busy={busy}
            onKeepEditing={() => keepEditing(conflict.view.overwriteExpected)}
            onOverwrite={() => void write(conflict.mine, conflict.view.overwriteExpected)}
            onReload={() => reload(conflict.view.overwriteExpected)}
          />
        ) : (
          <FormFooter
            creating={creating}
            busy={busy}
            transactions={transactions}
            onSave={save}
            onStage={stageIt}
            onCancel={() => {
              dropDraft(draftKey);
              onClose();
            }}
          />
        )
      }
    >
      {conflict ? (
        <ConflictPanel view={conflict.view} creating={creating} />
      ) : (
        <>
          <ModeToolbar table={table} mode={mode} onMode={switchTo} />
          {restored && (
            <RestoredDraftNote
              onDiscard={() => {
                setRestored(false);
                dropDraft(draftKey);
                props.onDiscardDraft();
              }}
            />
          )}
          <div className={classes.editorBox}>
            <LazyJsonEditor
              text={text}
              revision={revision}
              error={error}
              colorScheme={colorScheme}
              onChange={onChange}
              onSave={save}
            />
          </div>
        </>
      )}
      <FormMessages error={error} switching={switchError !== null} note={note} failure={failure} />
    </DrawerFrame>
  );
}
