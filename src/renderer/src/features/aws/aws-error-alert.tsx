// TODO(#12): features/dynamo/explore/ imports the alert from here until its split lands; then it
// imports '@renderer/components/aws-error-alert' and this file goes.
export { AwsErrorAlert } from '@renderer/components/aws-error-alert';
