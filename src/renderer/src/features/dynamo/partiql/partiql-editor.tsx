import { useEffect, useImperativeHandle, useRef, useState } from 'react';
import { registerPartiqlCompletion, setPartiqlScope } from '@renderer/monaco/partiql-completion';
import { PARTIQL_LANGUAGE, registerPartiqlLanguage } from '@renderer/monaco/partiql-language';
import { monaco } from '@renderer/monaco/setup';
import { errorMarker, useMonacoEditor } from '@renderer/monaco/use-monaco-editor';
import type { PartiqlEditorHandle, PartiqlEditorProps } from './partiql-editor-handle';
import { partiqlTargets } from './run-plan';

registerPartiqlLanguage(monaco);
registerPartiqlCompletion(monaco);

const MARKER_OWNER = 'rdx-partiql';

/** Monaco in PartiQL mode with table and attribute completion. Loaded lazily; owns its text. */
export function PartiqlEditor({ colorScheme, initialText, completion, onRun, ref }: PartiqlEditorProps) {
  const latest = useRef({ onRun, completion });
  // How many statements carry an error mark: an app signal tests can wait on.
  const [marked, setMarked] = useState(0);

  useEffect(() => {
    latest.current = { onRun, completion };
  }, [onRun, completion]);

  const { containerRef, editorRef, ready } = useMonacoEditor(colorScheme, {
    value: initialText,
    language: PARTIQL_LANGUAGE,
    ariaLabel: 'PartiQL editor',
    init: (editor) => {
      const model = editor.getModel();
      const releaseScope = model
        ? setPartiqlScope(model.uri.toString(), {
            tables: () => latest.current.completion.tables(),
            attributes: () => latest.current.completion.attributes(),
          })
        : () => undefined;
      editor.addAction({
        id: 'rdx.partiql-run',
        label: 'Run statement at cursor or selection',
        keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
        run: () => latest.current.onRun(),
      });
      // The cursor after the prefilled text, ready for a WHERE.
      const end = model?.getFullModelRange().getEndPosition();
      if (end) editor.setPosition(end);
      return releaseScope;
    },
  });

  useImperativeHandle(ref, (): PartiqlEditorHandle => {
    const model = () => editorRef.current?.getModel() ?? null;
    return {
      getTargets: () => {
        const editor = editorRef.current;
        const m = model();
        if (!editor || !m) return [];
        const selection = editor.getSelection();
        const cursor = editor.getPosition();
        return partiqlTargets(m.getValue(), {
          selectionStart: selection ? m.getOffsetAt(selection.getStartPosition()) : 0,
          selectionEnd: selection ? m.getOffsetAt(selection.getEndPosition()) : 0,
          cursor: cursor ? m.getOffsetAt(cursor) : 0,
        });
      },
      markErrors: (errors) => {
        const m = model();
        if (!m) return;
        monaco.editor.setModelMarkers(
          m,
          MARKER_OWNER,
          errors.map(({ statement, message }) =>
            errorMarker(message, m.getPositionAt(statement.start), m.getPositionAt(statement.end)),
          ),
        );
        setMarked(errors.length);
      },
      clearErrors: () => {
        const m = model();
        if (m) monaco.editor.setModelMarkers(m, MARKER_OWNER, []);
        setMarked(0);
      },
      focus: () => editorRef.current?.focus(),
    };
  }, [editorRef]);

  return (
    <div
      ref={containerRef}
      data-testid="partiql-editor"
      data-editor-ready={ready ? 'true' : 'false'}
      data-error-marks={marked}
      style={{ position: 'absolute', inset: 0 }}
    />
  );
}
