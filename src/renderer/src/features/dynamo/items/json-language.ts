import type * as Monaco from 'monaco-editor/editor/editor.api';

export const JSON_LANGUAGE = 'json';

const registered = new WeakSet<object>();

/**
 * JSON highlighting by a Monarch grammar on the base worker: Monaco's JSON language service would add
 * its own worker and ~1 MB for validation the item editor does itself (with positions we control).
 * Token names end in `.json`, so the stock themes colour keys and values apart.
 */
export function registerJsonLanguage(monaco: typeof Monaco): void {
  if (registered.has(monaco)) return;
  registered.add(monaco);
  if (!monaco.languages.getLanguages().some((l) => l.id === JSON_LANGUAGE))
    monaco.languages.register({ id: JSON_LANGUAGE, aliases: ['JSON'] });
  monaco.languages.setLanguageConfiguration(JSON_LANGUAGE, {
    brackets: [
      ['{', '}'],
      ['[', ']'],
    ],
    autoClosingPairs: [
      { open: '{', close: '}', notIn: ['string'] },
      { open: '[', close: ']', notIn: ['string'] },
      { open: '"', close: '"', notIn: ['string'] },
    ],
    surroundingPairs: [
      { open: '{', close: '}' },
      { open: '[', close: ']' },
      { open: '"', close: '"' },
    ],
  });
  monaco.languages.setMonarchTokensProvider(JSON_LANGUAGE, {
    tokenPostfix: '.json',
    tokenizer: {
      root: [
        [/"(?:[^"\\]|\\.)*"(?=\s*:)/, 'string.key'],
        [/"(?:[^"\\]|\\.)*"/, 'string.value'],
        [/"(?:[^"\\]|\\.)*$/, 'string.invalid'],
        [/-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/, 'number'],
        [/\b(?:true|false|null)\b/, 'keyword'],
        [/[{}[\]]/, '@brackets'],
        [/[,:]/, 'delimiter'],
        [/\s+/, 'white'],
      ],
    },
  });
}
