import type * as Monaco from 'monaco-editor/editor/editor.api';

export const PARTIQL_LANGUAGE = 'partiql';

/** DynamoDB's PartiQL words (statements, clauses, functions), for highlighting and completion. */
export const PARTIQL_KEYWORDS = [
  'SELECT',
  'FROM',
  'WHERE',
  'AND',
  'OR',
  'NOT',
  'IN',
  'IS',
  'BETWEEN',
  'MISSING',
  'NULL',
  'TRUE',
  'FALSE',
  'INSERT',
  'INTO',
  'VALUE',
  'UPDATE',
  'SET',
  'REMOVE',
  'DELETE',
  'RETURNING',
  'ALL',
  'MODIFIED',
  'NEW',
  'OLD',
  'ORDER',
  'BY',
  'ASC',
  'DESC',
  'EXISTS',
];
export const PARTIQL_FUNCTIONS = [
  'begins_with',
  'contains',
  'attribute_type',
  'size',
  'exists',
  'missing',
  'list_append',
  'set_add',
  'set_delete',
];

const registered = new WeakSet<object>();

/** A Monarch grammar for PartiQL: keywords, 'strings', "quoted names", numbers, ? parameters, comments. */
export function registerPartiqlLanguage(monaco: typeof Monaco): void {
  if (registered.has(monaco)) return;
  registered.add(monaco);
  monaco.languages.register({ id: PARTIQL_LANGUAGE, aliases: ['PartiQL'] });
  monaco.languages.setLanguageConfiguration(PARTIQL_LANGUAGE, {
    comments: { lineComment: '--', blockComment: ['/*', '*/'] },
    brackets: [
      ['{', '}'],
      ['[', ']'],
      ['(', ')'],
      ['<<', '>>'],
    ],
    autoClosingPairs: [
      { open: '{', close: '}' },
      { open: '[', close: ']' },
      { open: '(', close: ')' },
      { open: "'", close: "'", notIn: ['string'] },
      { open: '"', close: '"', notIn: ['string'] },
    ],
  });
  monaco.languages.setMonarchTokensProvider(PARTIQL_LANGUAGE, {
    ignoreCase: true,
    keywords: PARTIQL_KEYWORDS.map((k) => k.toLowerCase()),
    functions: PARTIQL_FUNCTIONS,
    tokenizer: {
      root: [
        [/--.*$/, 'comment'],
        [/\/\*/, 'comment', '@comment'],
        [/'/, 'string', '@string'],
        [/"/, 'type.identifier', '@quoted'],
        [/-?\d+(\.\d+)?([eE][+-]?\d+)?/, 'number'],
        [/\?/, 'variable'],
        [/<<|>>/, 'delimiter.bracket'],
        [/[{}[\]()]/, '@brackets'],
        [/[=<>!]+/, 'operator'],
        [
          /[a-zA-Z_][\w]*/,
          { cases: { '@keywords': 'keyword', '@functions': 'predefined', '@default': 'identifier' } },
        ],
        [/[;,.:]/, 'delimiter'],
      ],
      comment: [
        [/\*\//, 'comment', '@pop'],
        [/[^*]+/, 'comment'],
        [/\*/, 'comment'],
      ],
      string: [
        [/''/, 'string.escape'],
        [/'/, 'string', '@pop'],
        [/[^']+/, 'string'],
      ],
      quoted: [
        [/""/, 'type.identifier'],
        [/"/, 'type.identifier', '@pop'],
        [/[^"]+/, 'type.identifier'],
      ],
    },
  });
}
