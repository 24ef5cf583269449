// TODO(#12): the row selection lives in components/ (the DynamoDB grid shares it); this file keeps
// the imports of features/results and features/dynamo/explore working until they point there.
export * from '@renderer/components/selection';
