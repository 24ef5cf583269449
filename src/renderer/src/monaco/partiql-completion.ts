import type * as Monaco from 'monaco-editor/editor/editor.api';
import { PARTIQL_FUNCTIONS, PARTIQL_KEYWORDS, PARTIQL_LANGUAGE } from './partiql-language';

/** What one PartiQL editor completes from: its region's tables and the attributes known so far. */
export interface PartiqlCompletionScope {
  tables: () => Promise<string[]>;
  attributes: () => string[];
}

// Keyed by model URI: each PartiQL panel registers the scope of its own model.
const scopes = new Map<string, PartiqlCompletionScope>();

export function setPartiqlScope(modelUri: string, scope: PartiqlCompletionScope): () => void {
  scopes.set(modelUri, scope);
  return () => {
    if (scopes.get(modelUri) === scope) scopes.delete(modelUri);
  };
}

export type PartiqlSlot = 'table' | 'attribute' | 'any';

/** What belongs at the cursor: a table name after FROM/INTO/UPDATE, else attributes and keywords. */
export function partiqlSlot(before: string): PartiqlSlot {
  const cleaned = before.replace(/'(?:[^']|'')*'/g, "''");
  if (/\b(from|into|update|delete\s+from)\s+"?[\w.-]*$/i.test(cleaned)) return 'table';
  if (/\b(select|where|and|or|set|remove|by|,|\()\s*"?[\w.-]*$/i.test(cleaned)) return 'attribute';
  return 'any';
}

/** Quotes a name when PartiQL needs it (anything but a plain identifier, or a keyword). */
export function quoteName(name: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !PARTIQL_KEYWORDS.includes(name.toUpperCase());
  return plain ? name : `"${name.replace(/"/g, '""')}"`;
}

const registered = new WeakSet<object>();

export function registerPartiqlCompletion(monaco: typeof Monaco): void {
  if (registered.has(monaco)) return;
  registered.add(monaco);
  const { CompletionItemKind } = monaco.languages;
  monaco.languages.registerCompletionItemProvider(PARTIQL_LANGUAGE, {
    triggerCharacters: ['"', ' '],
    async provideCompletionItems(model, position) {
      const scope = scopes.get(model.uri.toString());
      const line = model.getLineContent(position.lineNumber).slice(0, position.column - 1);
      const before = model.getValueInRange({
        startLineNumber: Math.max(1, position.lineNumber - 20),
        startColumn: 1,
        endLineNumber: position.lineNumber,
        endColumn: position.column,
      });
      const slot = partiqlSlot(before);
      const word = /"?[\w.-]*$/.exec(line)?.[0] ?? '';
      const range = new monaco.Range(
        position.lineNumber,
        position.column - word.length,
        position.lineNumber,
        position.column,
      );
      const suggestions: Monaco.languages.CompletionItem[] = [];
      // Tables are always quoted: DynamoDB names may hold '-' and '.'.
      if (scope && slot !== 'attribute') {
        for (const table of await scope.tables().catch(() => [])) {
          const insertText = `"${table}"`;
          suggestions.push({
            label: { label: table, description: 'table' },
            kind: CompletionItemKind.Struct,
            insertText,
            filterText: insertText,
            range,
            sortText: `0${table}`,
          });
        }
      }
      if (scope && slot !== 'table') {
        for (const name of scope.attributes()) {
          const insertText = quoteName(name);
          suggestions.push({
            label: { label: name, description: 'attribute' },
            kind: CompletionItemKind.Field,
            insertText,
            filterText: word.startsWith('"') ? `"${name}` : name,
            range,
            sortText: `1${name}`,
          });
        }
      }
      if (slot === 'any' || slot === 'attribute') {
        for (const k of PARTIQL_KEYWORDS)
          suggestions.push({
            label: k,
            kind: CompletionItemKind.Keyword,
            insertText: k,
            range,
            sortText: `2${k}`,
          });
        for (const f of PARTIQL_FUNCTIONS)
          suggestions.push({
            label: f,
            kind: CompletionItemKind.Function,
            insertText: `${f}(`,
            range,
            sortText: `3${f}`,
          });
      }
      return { suggestions };
    },
  });
}
