import { useCallback, useEffect, useState } from 'react';
import type { AwsMfaPrompt } from '@shared/models/aws';
import { useApi } from '@renderer/api/api-provider';

/**
 * MFA prompts pushed by the main process, oldest first. Several calls may wait on codes at once
 * (two regions, identity and listing); each prompt is answered or cancelled on its own, and one
 * that expires is dropped (its call has already failed with TIMEOUT).
 */
export function useMfaPrompts() {
  const api = useApi();
  const [queue, setQueue] = useState<AwsMfaPrompt[]>([]);
  const drop = useCallback(
    (requestId: string) => setQueue((q) => q.filter((p) => p.requestId !== requestId)),
    [],
  );

  useEffect(() => api.on('aws.mfaPrompt', (prompt) => setQueue((q) => [...q, prompt])), [api]);

  const current = queue[0];
  useEffect(() => {
    if (!current) return;
    const left = Date.parse(current.expiresAt) - Date.now();
    const timer = window.setTimeout(() => drop(current.requestId), Math.max(0, left));
    return () => window.clearTimeout(timer);
  }, [current, drop]);

  /** Sends the code, or no code to cancel; the prompt leaves the queue either way. */
  const answer = useCallback(
    async (requestId: string, code?: string) => {
      drop(requestId);
      await api.call('aws.answerMfa', code === undefined ? { requestId } : { requestId, code });
    },
    [api, drop],
  );

  return { current, waiting: queue.length, answer };
}
