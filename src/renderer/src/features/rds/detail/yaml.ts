/** Just enough YAML for a CloudFormation snippet: scalars quoted when YAML would misread them. */
export type YamlValue = string | number | boolean | YamlValue[] | { [key: string]: YamlValue | undefined };

const PLAIN = /^[A-Za-z_/][\w./:@-]*$/;
const RESERVED = /^(true|false|yes|no|on|off|null|y|n)$/i;

export function yamlScalar(value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value);
  // A trailing colon would read as a mapping key.
  return PLAIN.test(value) && !RESERVED.test(value) && !value.endsWith(':') ? value : JSON.stringify(value);
}

function isBlock(value: YamlValue): value is YamlValue[] | { [key: string]: YamlValue | undefined } {
  return typeof value === 'object';
}

/** Block style, two-space indent, keys in the order given; undefined entries are left out. */
export function toYaml(value: YamlValue, indent = 0): string {
  const pad = ' '.repeat(indent);
  if (Array.isArray(value)) {
    return value
      .map((item) => {
        if (!isBlock(item)) return `${pad}- ${yamlScalar(item)}`;
        const body = toYaml(item, indent + 2).trimStart();
        return `${pad}- ${body}`;
      })
      .join('\n');
  }
  if (isBlock(value)) {
    return Object.entries(value)
      .filter((entry): entry is [string, YamlValue] => entry[1] !== undefined)
      .map(([key, item]) =>
        isBlock(item) ? `${pad}${key}:\n${toYaml(item, indent + 2)}` : `${pad}${key}: ${yamlScalar(item)}`,
      )
      .join('\n');
  }
  return `${pad}${yamlScalar(value)}`;
}
