import { Button, Group, Modal, PinInput, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { AwsMfaPrompt } from '@shared/models/aws';
import { useMfaPrompts } from './use-mfa-prompts';

function secondsLeft(prompt: AwsMfaPrompt): number {
  return Math.max(0, Math.round((Date.parse(prompt.expiresAt) - Date.now()) / 1000));
}

function MfaForm({ prompt, onAnswer }: { prompt: AwsMfaPrompt; onAnswer: (code?: string) => void }) {
  const [code, setCode] = useState('');
  const [left, setLeft] = useState(() => secondsLeft(prompt));
  useEffect(() => {
    const timer = window.setInterval(() => setLeft(secondsLeft(prompt)), 1000);
    return () => window.clearInterval(timer);
  }, [prompt]);
  const complete = /^\d{6}$/.test(code);

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (complete) onAnswer(code);
      }}
    >
      <Stack gap="sm">
        <Text size="sm">
          Profile <b>{prompt.profile}</b> assumes a role that needs a code from the MFA device:
        </Text>
        <Text size="xs" ff="monospace" c="dimmed" style={{ wordBreak: 'break-all' }}>
          {prompt.serialNumber}
        </Text>
        <PinInput
          length={6}
          type="number"
          oneTimeCode
          placeholder=""
          // The modal focuses `[data-autofocus]`; without it the close button would take the focus.
          getInputProps={(index) => (index === 0 ? { 'data-autofocus': true } : {})}
          value={code}
          onChange={setCode}
          aria-label="MFA code"
          data-testid="mfa-code"
        />
        <Text size="xs" c={left < 15 ? 'orange.7' : 'dimmed'}>
          The request waits {left} s more for the code.
        </Text>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={() => onAnswer()} data-testid="mfa-cancel">
            Cancel
          </Button>
          <Button type="submit" disabled={!complete} data-testid="mfa-submit">
            Continue
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Answers `aws.mfaPrompt`: a six-digit code, or Cancel (the waiting call then fails with CANCELLED). */
export function MfaDialog() {
  const { current, waiting, answer } = useMfaPrompts();
  return (
    <Modal
      opened={current !== undefined}
      onClose={() => current && void answer(current.requestId)}
      title={waiting > 1 ? `MFA code (${waiting} requests waiting)` : 'MFA code'}
      size={380}
      centered
      closeOnClickOutside={false}
      styles={{ title: { fontWeight: 600 } }}
      data-testid="mfa-dialog"
    >
      {current && (
        <MfaForm
          key={current.requestId}
          prompt={current}
          onAnswer={(code) => void answer(current.requestId, code)}
        />
      )}
    </Modal>
  );
}
