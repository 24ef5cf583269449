// Just enough YAML for the CloudFormation the app writes ("View as CloudFormation" of RDS instances
// and DynamoDB tables). Names, tags and settings come from servers, so every scalar must read back
// as the type it is: a string that looks like a boolean, number, null or date is quoted, because
// CloudFormation reads YAML 1.1, where even `yes`, `0x1F`, `1:20` and `2024-01-01` are not strings.

export type YamlScalar = string | number | boolean;
export type YamlValue = YamlScalar | YamlValue[] | { [key: string]: YamlValue | undefined };

// Plain only what no YAML 1.1 or 1.2 reader can take for anything but this string: starts with a
// letter, `_` or `/` (never a number, date, indicator or `.inf`), no spaces, `#`, quotes or flow
// characters, and no `:` at the end (a mapping key).
const PLAIN = /^[A-Za-z_/][\w./:@-]*$/;
// YAML 1.1 booleans and nulls (a superset, case-insensitive; quoting too much costs nothing).
const RESERVED = /^(true|false|yes|no|on|off|y|n|null)$/i;
// A bare exponent: YAML 1.1 readers take a float's digits as optional, so `e4` or `E-2` is a number.
const EXPONENT = /^[eE][-+]?[0-9]+$/;

/** One scalar: strings quoted whenever a reader would see anything else, numbers and booleans bare. */
export function yamlScalar(value: YamlScalar): string {
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return yamlNumber(value);
  const plain = PLAIN.test(value) && !RESERVED.test(value) && !EXPONENT.test(value) && !value.endsWith(':');
  return plain ? value : doubleQuoted(value);
}

function yamlNumber(value: number): string {
  if (Number.isFinite(value)) return String(value);
  if (Number.isNaN(value)) return '.nan';
  return value > 0 ? '.inf' : '-.inf';
}

const ESCAPES: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\t': '\\t', '\r': '\\r' };

/**
 * A double-quoted scalar holding only printable characters: the rest as escapes, so a strict
 * reader neither refuses it nor folds a line break (U+0085, U+2028, U+2029 break lines in YAML 1.1).
 */
function doubleQuoted(text: string): string {
  let out = '"';
  for (const char of text) {
    const escape = ESCAPES[char];
    if (escape) out += escape;
    else if (isPrintable(char.codePointAt(0) ?? 0)) out += char;
    else out += hexEscape(char.codePointAt(0) ?? 0);
  }
  return `${out}"`;
}

function isPrintable(code: number): boolean {
  if (code >= 0x20 && code <= 0x7e) return true;
  if (code >= 0xa0 && code <= 0xd7ff) return code !== 0x2028 && code !== 0x2029;
  if (code >= 0xe000 && code <= 0xfffd) return code !== 0xfeff;
  return code >= 0x10000 && code <= 0x10ffff;
}

function hexEscape(code: number): string {
  if (code <= 0xff) return `\\x${code.toString(16).padStart(2, '0')}`;
  if (code <= 0xffff) return `\\u${code.toString(16).padStart(4, '0')}`;
  return `\\U${code.toString(16).padStart(8, '0')}`;
}

type YamlBlock = YamlValue[] | { [key: string]: YamlValue | undefined };

function isBlock(value: YamlValue): value is YamlBlock {
  return typeof value === 'object';
}

const isEmpty = (value: YamlBlock) => (Array.isArray(value) ? value : Object.keys(value)).length === 0;
// An empty list or map written as a block would read back as null.
const emptyFlow = (value: YamlBlock) => (Array.isArray(value) ? '[]' : '{}');

/** Block style, two-space indent, keys in the order given; undefined entries are left out. */
export function toYaml(value: YamlValue, indent = 0): string {
  const pad = ' '.repeat(indent);
  if (!isBlock(value)) return `${pad}${yamlScalar(value)}`;
  if (isEmpty(value)) return `${pad}${emptyFlow(value)}`;
  if (Array.isArray(value)) {
    return value
      .map((item) => {
        if (!isBlock(item) || isEmpty(item)) return `${pad}- ${toYaml(item).trimStart()}`;
        return `${pad}- ${toYaml(item, indent + 2).trimStart()}`;
      })
      .join('\n');
  }
  return Object.entries(value)
    .filter((entry): entry is [string, YamlValue] => entry[1] !== undefined)
    .map(([key, item]) => {
      const name = `${pad}${yamlScalar(key)}:`;
      if (!isBlock(item) || isEmpty(item)) return `${name} ${toYaml(item).trimStart()}`;
      return `${name}\n${toYaml(item, indent + 2)}`;
    })
    .join('\n');
}
