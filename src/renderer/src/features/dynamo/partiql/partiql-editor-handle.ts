import type { Ref } from 'react';
import type { PartiqlStatement } from './split-statements';

/** What the PartiQL panel asks of its editor. */
export interface PartiqlEditorHandle {
  /** The selection's statements, or the one at the cursor. */
  getTargets(): PartiqlStatement[];
  /** Underlines each failed statement with its message (hover shows it); replaces earlier marks. */
  markErrors(errors: { statement: PartiqlStatement; message: string }[]): void;
  clearErrors(): void;
  focus(): void;
}

export interface PartiqlCompletionSource {
  tables: () => Promise<string[]>;
  attributes: () => string[];
}

export interface PartiqlEditorProps {
  colorScheme: 'light' | 'dark';
  initialText: string;
  completion: PartiqlCompletionSource;
  /** Ctrl/Cmd+Enter. */
  onRun: () => void;
  ref?: Ref<PartiqlEditorHandle>;
}
