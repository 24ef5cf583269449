import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { requestSchemas } from '../../src/shared/contract';

// Words that make a field a file-system location when it holds a string: `path`, `filePath`,
// `outputDir`, `folder`… (`profile` is one word and does not count as `file`).
const PATH_WORDS = new Set([
  'path',
  'paths',
  'file',
  'files',
  'filename',
  'filepath',
  'dir',
  'dirs',
  'directory',
  'folder',
  'folders',
]);
const PATH_DOC = /\b(file ?path|path|directory|folder)\b/i;

function words(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[\s_\-.]+/)
    .map((w) => w.toLowerCase());
}

type Def = { type: string; [key: string]: unknown };
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

function describedAsPath(schema: z.ZodType): boolean {
  const doc = schema.description ?? z.globalRegistry.get(schema)?.description;
  return doc !== undefined && PATH_DOC.test(doc);
}

/** Every string a request can carry, with the field name it sits under and where. */
function stringFields(
  schema: z.ZodType,
  where: string,
  key: string,
  seen: Set<z.ZodType>,
): { where: string; key: string; schema: z.ZodType }[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = defOf(schema);
  const inner = (child: unknown, at = where, name = key) => stringFields(child as z.ZodType, at, name, seen);
  switch (def.type) {
    case 'string':
    case 'template_literal':
      return [{ where, key, schema }];
    case 'object':
      return Object.entries(def.shape as Record<string, z.ZodType>).flatMap(([k, v]) =>
        inner(v, `${where}.${k}`, k),
      );
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return [...inner(def.innerType), ...(describedAsPath(schema) ? [{ where, key, schema }] : [])];
    case 'array':
      return inner(def.element, `${where}[]`);
    case 'set':
      return inner(def.valueType, `${where}[]`);
    case 'tuple':
      return (def.items as z.ZodType[]).flatMap((item, i) => inner(item, `${where}[${i}]`));
    case 'record':
    case 'map':
      return inner(def.valueType, `${where}{}`);
    case 'union':
      return (def.options as z.ZodType[]).flatMap((o) => inner(o));
    case 'intersection':
      return [...inner(def.left), ...inner(def.right)];
    case 'pipe':
      return [...inner(def.in), ...inner(def.out)];
    case 'lazy':
      return inner((def.getter as () => z.ZodType)());
    default:
      return [];
  }
}

/** Request fields that take a free-form file-system path from the page. */
function pathFields(schemas: Record<string, z.ZodType>): string[] {
  return Object.entries(schemas).flatMap(([channel, schema]) =>
    stringFields(schema, channel, '', new Set())
      .filter((f) => words(f.key).some((w) => PATH_WORDS.has(w)) || describedAsPath(f.schema))
      .map((f) => f.where),
  );
}

describe('the contract', () => {
  it('takes no file path from the renderer: files come from the main process’s dialogs and folders', () => {
    // The one path left is a saved setting, not a file to write or import: the SSH private key the
    // user types in a connection profile, read (never written) when the tunnel opens. Any other path
    // field, or a new one, fails here.
    const sshKeyPath = ['profiles.save.fields.ssh.auth.keyPath', 'connections.test.fields.ssh.auth.keyPath'];
    expect(pathFields(requestSchemas)).toEqual(sshKeyPath);
  });

  it('the check finds a path however it is named, nested or documented', () => {
    const location = z.string().describe('Where to write the file (a path)');
    const found = pathFields({
      'a.plain': z.object({ path: z.string() }),
      'a.nested': z.object({ job: z.object({ outputDir: z.string().optional() }) }),
      'a.list': z.object({ files: z.array(z.string()) }),
      'a.documented': z.object({ target: location }),
      'a.union': z.object({
        to: z.union([z.object({ folder: z.string() }), z.object({ kind: z.literal('x') })]),
      }),
      'a.fine': z.object({
        profile: z.string(),
        profileId: z.string(),
        format: z.enum(['csv']),
        fileCount: z.number(),
      }),
    });
    expect(found).toEqual([
      'a.plain.path',
      'a.nested.job.outputDir',
      'a.list.files[]',
      'a.documented.target',
      'a.union.to.folder',
    ]);
  });
});
