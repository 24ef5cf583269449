import type { BuiltExpression, DynamoValue } from '../models/dynamo';
import { cliOption } from '../shell-quote';

type Built = Omit<BuiltExpression, 'code'>;

/** `aws dynamodb query|scan ...` and a JavaScript SDK v3 snippet doing the same call. */
export function queryCode(built: Built, region: string): { cli: string; sdk: string } {
  return { cli: cliCode(built, region), sdk: sdkCode(built, region) };
}

function cliCode(b: Built, region: string): string {
  const json = (value: object) => JSON.stringify(value);
  const args = [`aws dynamodb ${b.operation.toLowerCase()}`, cliOption('--table-name', b.tableName)];
  if (b.indexName) args.push(cliOption('--index-name', b.indexName));
  if (b.keyConditionExpression) args.push(cliOption('--key-condition-expression', b.keyConditionExpression));
  if (b.filterExpression) args.push(cliOption('--filter-expression', b.filterExpression));
  if (b.projectionExpression) args.push(cliOption('--projection-expression', b.projectionExpression));
  if (b.expressionAttributeNames)
    args.push(cliOption('--expression-attribute-names', json(b.expressionAttributeNames)));
  if (b.expressionAttributeValues)
    args.push(cliOption('--expression-attribute-values', json(b.expressionAttributeValues)));
  if (b.consistentRead) args.push('--consistent-read');
  if (b.scanIndexForward === false) args.push('--no-scan-index-forward');
  // --max-items pages client-side; --page-size is the per-request Limit the app uses.
  args.push(cliOption('--page-size', b.limit), cliOption('--max-items', b.limit));
  args.push('--return-consumed-capacity TOTAL', cliOption('--region', region));
  return args.join(' \\\n  ');
}

function sdkCode(b: Built, region: string): string {
  const command = `${b.operation}Command`;
  const params: [string, string][] = [['TableName', JSON.stringify(b.tableName)]];
  if (b.indexName) params.push(['IndexName', JSON.stringify(b.indexName)]);
  if (b.keyConditionExpression)
    params.push(['KeyConditionExpression', JSON.stringify(b.keyConditionExpression)]);
  if (b.filterExpression) params.push(['FilterExpression', JSON.stringify(b.filterExpression)]);
  if (b.projectionExpression) params.push(['ProjectionExpression', JSON.stringify(b.projectionExpression)]);
  if (b.expressionAttributeNames)
    params.push(['ExpressionAttributeNames', indent(JSON.stringify(b.expressionAttributeNames, null, 2), 4)]);
  if (b.expressionAttributeValues) {
    const entries = Object.entries(b.expressionAttributeValues).map(
      ([k, v]) => `      ${JSON.stringify(k)}: ${jsValue(v)},`,
    );
    params.push(['ExpressionAttributeValues', `{\n${entries.join('\n')}\n    }`]);
  }
  if (b.consistentRead) params.push(['ConsistentRead', 'true']);
  if (b.scanIndexForward === false) params.push(['ScanIndexForward', 'false']);
  params.push(['Limit', String(b.limit)], ['ReturnConsumedCapacity', '"TOTAL"']);
  const body = params.map(([k, v]) => `    ${k}: ${v},`).join('\n');
  return [
    `import { DynamoDBClient, ${command} } from '@aws-sdk/client-dynamodb';`,
    '',
    `const client = new DynamoDBClient({ region: ${JSON.stringify(region)} });`,
    'const response = await client.send(',
    `  new ${command}({`,
    body,
    '  }),',
    ');',
    'console.log(response.Items, response.LastEvaluatedKey, response.ConsumedCapacity);',
  ].join('\n');
}

// The SDK wants bytes for binary values, not the base64 the wire format shows.
function jsValue(value: DynamoValue): string {
  if ('B' in value) return `{ B: Buffer.from(${JSON.stringify(value.B)}, 'base64') }`;
  if ('BS' in value)
    return `{ BS: [${value.BS.map((b) => `Buffer.from(${JSON.stringify(b)}, 'base64')`).join(', ')}] }`;
  if ('M' in value)
    return `{ M: { ${Object.entries(value.M)
      .map(([k, v]) => `${JSON.stringify(k)}: ${jsValue(v)}`)
      .join(', ')} } }`;
  if ('L' in value) return `{ L: [${value.L.map(jsValue).join(', ')}] }`;
  return JSON.stringify(value);
}

function indent(text: string, spaces: number): string {
  return text.replace(/\n/g, `\n${' '.repeat(spaces)}`);
}
