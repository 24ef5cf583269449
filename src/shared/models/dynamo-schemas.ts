import { z } from 'zod';
import { awsProfileNameSchema, awsRegionSchema } from './aws';
import type { DynamoValue } from './dynamo';

// Request pieces for the `dynamo.*` channels, shared by the contract and the renderer's forms.

export const dynamoTableNameSchema = z
  .string()
  .min(3, 'A table name has 3 to 255 characters')
  .max(255)
  .regex(/^[a-zA-Z0-9_.-]+$/, 'Letters, digits, _ - and . only');
export const dynamoIndexNameSchema = dynamoTableNameSchema;
export const attributeNameSchema = z.string().min(1, 'Name the attribute').max(65_535);
const numberText = z
  .string()
  .regex(/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/, 'Not a number')
  .max(200);
const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Not base64');

export const dynamoValueSchema: z.ZodType<DynamoValue> = z.lazy(() =>
  z.union([
    z.object({ S: z.string() }).strict(),
    z.object({ N: numberText }).strict(),
    z.object({ B: base64 }).strict(),
    z.object({ SS: z.array(z.string()).min(1) }).strict(),
    z.object({ NS: z.array(numberText).min(1) }).strict(),
    z.object({ BS: z.array(base64).min(1) }).strict(),
    z.object({ M: z.record(z.string(), dynamoValueSchema) }).strict(),
    z.object({ L: z.array(dynamoValueSchema) }).strict(),
    z.object({ NULL: z.literal(true) }).strict(),
    z.object({ BOOL: z.boolean() }).strict(),
  ]),
);
export const dynamoItemSchema = z.record(attributeNameSchema, dynamoValueSchema);

/** Where a call goes: the AWS profile (or `@lab`) and the region. */
export const dynamoTarget = { profile: awsProfileNameSchema, region: awsRegionSchema };
const scalarType = z.enum(['S', 'N', 'B']);
const keyElement = z.object({ name: attributeNameSchema.max(255), type: scalarType }).strict();

export const sortKeyConditionSchema = z
  .object({
    name: attributeNameSchema,
    op: z.enum(['=', '<', '<=', '>', '>=', 'between', 'begins_with']),
    value: dynamoValueSchema,
    /** The upper bound of `between`. */
    value2: dynamoValueSchema.optional(),
  })
  .strict()
  .refine((c) => c.op !== 'between' || c.value2 !== undefined, {
    message: 'between needs two values',
    path: ['value2'],
  });

export const filterSchema = z
  .object({
    name: attributeNameSchema,
    op: z.enum([
      '=',
      '<>',
      '<',
      '<=',
      '>',
      '>=',
      'between',
      'begins_with',
      'contains',
      'not_contains',
      'exists',
      'not_exists',
      'in',
      'attribute_type',
    ]),
    value: dynamoValueSchema.optional(),
    value2: dynamoValueSchema.optional(),
    /** For `in`. */
    values: z.array(dynamoValueSchema).min(1).max(100).optional(),
  })
  .strict()
  .superRefine((f, ctx) => {
    const needsValue = !['exists', 'not_exists', 'in'].includes(f.op);
    if (needsValue && f.value === undefined)
      ctx.addIssue({ code: 'custom', path: ['value'], message: `${f.op} needs a value` });
    if (f.op === 'between' && f.value2 === undefined)
      ctx.addIssue({ code: 'custom', path: ['value2'], message: 'between needs two values' });
    if (f.op === 'in' && f.values === undefined)
      ctx.addIssue({ code: 'custom', path: ['values'], message: 'in needs a list of values' });
  });

export const readRequestSchema = z
  .object({
    mode: z.enum(['scan', 'query']),
    table: dynamoTableNameSchema,
    index: dynamoIndexNameSchema.optional(),
    /** Query: the partition key's equality condition. */
    partitionKey: z.object({ name: attributeNameSchema, value: dynamoValueSchema }).strict().optional(),
    sortKey: sortKeyConditionSchema.optional(),
    filters: z.array(filterSchema).max(50).optional(),
    /** Top-level attributes to return; all when absent. */
    projection: z.array(attributeNameSchema).max(100).optional(),
    consistentRead: z.boolean().optional(),
    /** Items evaluated per page: always explicit (DynamoDB Local is slow on 1 MB pages). */
    limit: z.number().int().min(1).max(1000).default(100),
    /** Query: newest (highest sort key) first. */
    descending: z.boolean().optional(),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.mode === 'query' && !r.partitionKey)
      ctx.addIssue({ code: 'custom', path: ['partitionKey'], message: 'A query needs the partition key' });
    if (r.mode === 'scan' && (r.partitionKey || r.sortKey))
      ctx.addIssue({ code: 'custom', path: ['mode'], message: 'Key conditions belong to a query' });
  });

export const createTableSchema = z
  .object({
    table: dynamoTableNameSchema,
    partitionKey: keyElement,
    sortKey: keyElement.optional(),
    billingMode: z.enum(['PAY_PER_REQUEST', 'PROVISIONED']),
    provisioned: z
      .object({ readUnits: z.number().int().min(1), writeUnits: z.number().int().min(1) })
      .strict()
      .optional(),
    indexes: z
      .array(
        z
          .object({
            name: dynamoIndexNameSchema,
            kind: z.enum(['GSI', 'LSI']),
            partitionKey: keyElement,
            sortKey: keyElement.optional(),
            projection: z.enum(['ALL', 'KEYS_ONLY', 'INCLUDE']).default('ALL'),
            nonKeyAttributes: z.array(attributeNameSchema).max(100).optional(),
          })
          .strict(),
      )
      .max(25)
      .default([]),
    deletionProtection: z.boolean().optional(),
    stream: z.enum(['KEYS_ONLY', 'NEW_IMAGE', 'OLD_IMAGE', 'NEW_AND_OLD_IMAGES']).optional(),
  })
  .strict()
  .refine((t) => t.billingMode === 'PAY_PER_REQUEST' || t.provisioned !== undefined, {
    message: 'Provisioned tables need read and write capacity',
    path: ['provisioned'],
  });

export const stagedChangeSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('put'),
      table: dynamoTableNameSchema,
      item: dynamoItemSchema,
      /** The item as loaded (null: a new item); the write is conditioned on it. */
      expected: dynamoItemSchema.nullable(),
      keyNames: z.array(attributeNameSchema).min(1).max(2),
    })
    .strict(),
  z
    .object({
      kind: z.literal('delete'),
      table: dynamoTableNameSchema,
      key: dynamoItemSchema,
      expected: dynamoItemSchema.optional(),
    })
    .strict(),
]);

export const priceTableSchema = z
  .object({
    currency: z.literal('USD'),
    regions: z.record(
      awsRegionSchema,
      z.object({ readPerMillion: z.number().min(0), writePerMillion: z.number().min(0) }).strict(),
    ),
    default: z.object({ readPerMillion: z.number().min(0), writePerMillion: z.number().min(0) }).strict(),
  })
  .strict();

export const fileFormatSchema = z.enum(['jsonl', 'dynamodb-json', 'csv']);

export type ReadRequest = z.output<typeof readRequestSchema>;
export type ReadRequestInput = z.input<typeof readRequestSchema>;
export type CreateTableInput = z.output<typeof createTableSchema>;
export type StagedChange = z.output<typeof stagedChangeSchema>;
export type FilterInput = z.output<typeof filterSchema>;
export type FileFormat = z.output<typeof fileFormatSchema>;
