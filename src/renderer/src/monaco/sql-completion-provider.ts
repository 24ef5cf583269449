import type * as Monaco from 'monaco-editor/editor/editor.api';
import { completionContext } from './sql-completion-context';
import { completionItems, databasesNeeded, type SuggestionKind } from './sql-completion-items';
import { completionScope } from './sql-completion-scope';

type MonacoApi = typeof Monaco;

const registered = new WeakSet<object>();
const WINDOW_CHARS = 100_000;

/**
 * Registers schema-aware SQL completion once per Monaco instance. The provider finds the tab that
 * shows the model (the editor's `data-tab-id` ancestor) and completes from that tab's profile.
 */
export function registerSqlCompletion(monaco: MonacoApi): void {
  if (registered.has(monaco)) return;
  registered.add(monaco);
  const kinds: Record<SuggestionKind, Monaco.languages.CompletionItemKind> = {
    column: monaco.languages.CompletionItemKind.Field,
    table: monaco.languages.CompletionItemKind.Struct,
    view: monaco.languages.CompletionItemKind.Interface,
    database: monaco.languages.CompletionItemKind.Module,
    keyword: monaco.languages.CompletionItemKind.Keyword,
    function: monaco.languages.CompletionItemKind.Function,
  };
  monaco.languages.registerCompletionItemProvider('mysql', {
    triggerCharacters: ['.', '`'],
    async provideCompletionItems(model, position) {
      // A long script is read only around the cursor, so each keystroke stays cheap.
      const offset = model.getOffsetAt(position);
      const windowStart = Math.max(0, offset - WINDOW_CHARS);
      const text = model.getValue().slice(windowStart, offset + WINDOW_CHARS);
      const ctx = completionContext(text, offset - windowStart);
      if (ctx.kind === 'none') return { suggestions: [] };
      const scope = scopeOf(monaco, model);
      const lookup = scope
        ? await scope.source.lookup(scope.profileId, scope.database, databasesNeeded(ctx, scope.database))
        : { defaultDatabase: null, databases: [], catalog: () => undefined };
      const start = model.getPositionAt(windowStart + ctx.from);
      const range = new monaco.Range(start.lineNumber, start.column, position.lineNumber, position.column);
      const suggestions = completionItems(ctx, lookup).map((s) => ({
        label: { label: s.label, description: s.detail },
        kind: kinds[s.kind],
        // The type sits beside the name (label.description); a `detail` would open Monaco's side flyout.
        insertText: s.insertText,
        // Filter on the name as typed, with or without the opening backtick.
        filterText: model.getValueInRange(range).startsWith('`') ? `\`${s.label}` : s.label,
        sortText: s.sortText,
        range,
      }));
      return { suggestions };
    },
  });
}

function scopeOf(monaco: MonacoApi, model: Monaco.editor.ITextModel) {
  const editor = monaco.editor.getEditors().find((e) => e.getModel() === model);
  const tab = editor?.getContainerDomNode().closest<HTMLElement>('[data-tab-id]');
  const tabId = tab?.dataset.tabId;
  return tabId ? completionScope(tabId) : undefined;
}
