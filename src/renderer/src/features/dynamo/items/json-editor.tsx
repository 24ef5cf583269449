import { useEffect, useRef } from 'react';
import type { JsonTextError } from '@shared/models/json-text';
import { monaco } from '@renderer/monaco/setup';
import { errorMarker, useMonacoEditor } from '@renderer/monaco/use-monaco-editor';
import { JSON_LANGUAGE, registerJsonLanguage } from './json-language';

export interface JsonEditorProps {
  /** The text; pushed into the editor only when `revision` changes (a mode switch, a reload). */
  text: string;
  revision: number;
  /** Marked in the editor at its line and column. */
  error: JsonTextError | null;
  colorScheme: 'light' | 'dark';
  onChange: (text: string) => void;
  /** Ctrl/Cmd+S or Ctrl/Cmd+Enter. */
  onSave: () => void;
}

const MARKER_OWNER = 'rdx-item';

registerJsonLanguage(monaco);

/** Monaco on a JSON item. Loaded lazily (see lazy-json-editor.tsx); the drawer owns the text. */
export function JsonEditor({ text, revision, error, colorScheme, onChange, onSave }: JsonEditorProps) {
  const handlers = useRef({ onChange, onSave });
  const textRef = useRef(text);

  useEffect(() => {
    handlers.current = { onChange, onSave };
    textRef.current = text;
  });

  const { containerRef, editorRef, ready } = useMonacoEditor(colorScheme, {
    value: text,
    language: JSON_LANGUAGE,
    ariaLabel: 'Item JSON',
    options: { wordWrap: 'on' },
    init: (editor) => {
      const sub = editor.onDidChangeModelContent(() => handlers.current.onChange(editor.getValue()));
      const { KeyMod, KeyCode } = monaco;
      editor.addAction({
        id: 'rdx.save-item',
        label: 'Save item',
        keybindings: [KeyMod.CtrlCmd | KeyCode.KeyS, KeyMod.CtrlCmd | KeyCode.Enter],
        run: () => handlers.current.onSave(),
      });
      return () => sub.dispose();
    },
  });

  // A replaced text goes in as one edit, so Ctrl+Z brings the previous text back.
  useEffect(() => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!editor || !model || model.getValue() === textRef.current) return;
    editor.pushUndoStop();
    editor.executeEdits('rdx-replace', [{ range: model.getFullModelRange(), text: textRef.current }]);
    editor.pushUndoStop();
  }, [editorRef, revision]);

  useEffect(() => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!editor || !model) return;
    if (!error) {
      monaco.editor.setModelMarkers(model, MARKER_OWNER, []);
      return;
    }
    const start = model.getPositionAt(error.offset);
    const end = model.getPositionAt(error.offset + 1);
    // At least one column wide, so a mark at the end of a line still shows.
    const to = { lineNumber: end.lineNumber, column: Math.max(end.column, start.column + 1) };
    monaco.editor.setModelMarkers(model, MARKER_OWNER, [errorMarker(error.message, start, to)]);
    editor.revealPositionInCenterIfOutsideViewport(start);
  }, [editorRef, error, ready]);

  return (
    <div
      ref={containerRef}
      data-testid="dynamo-item-text"
      data-editor-ready={ready ? 'true' : 'false'}
      data-error-marker={error ? `${error.line}:${error.column}` : ''}
      style={{ position: 'absolute', inset: 0 }}
    />
  );
}
