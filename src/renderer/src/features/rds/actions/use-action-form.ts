import { useMutation } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { RdsInstance } from '@shared/models/rds';
import type { ApiError } from '@renderer/api/api-error';
import { useApi } from '@renderer/api/api-provider';
import { typedMatches } from '@renderer/components/type-to-confirm';
import { needsTypedConfirmation, type RdsActionKind } from './action-kinds';
import { initialValues, validateValues, type ActionValues } from './action-values';
import { runAction, type StartedOperation } from './run-action';

/**
 * The state of one action dialog: its values, their messages (shown after a first attempt), the
 * typed confirmation, and the call itself.
 */
export function useActionForm(
  kind: RdsActionKind,
  profile: string,
  instance: RdsInstance,
  taken: ReadonlySet<string>,
) {
  const api = useApi();
  const [values, setValues] = useState<ActionValues>(() => initialValues(kind, instance, taken));
  const [typed, setTyped] = useState('');
  const [attempted, setAttempted] = useState(false);
  const errors = useMemo(() => validateValues(kind, values, taken), [kind, values, taken]);
  const mutation = useMutation<StartedOperation, ApiError, ActionValues>({
    mutationFn: (v) => runAction(api, kind, profile, instance, v),
  });
  const mustType = needsTypedConfirmation(kind, values.forceFailover);

  return {
    values,
    errors: attempted ? errors : {},
    set: <K extends keyof ActionValues>(key: K, value: ActionValues[K]) => {
      setValues((v) => ({ ...v, [key]: value }));
      mutation.reset();
    },
    mustType,
    typed,
    setTyped,
    canSubmit: !mustType || typedMatches(instance.id, typed),
    mutation,
    /** Sends the action when the values are valid; `onStarted` gets what to watch. */
    submit: (onStarted: (op: StartedOperation) => void) => {
      setAttempted(true);
      if (Object.keys(errors).length > 0) return;
      mutation.mutate(values, { onSuccess: onStarted });
    },
  };
}
