import { Alert, Button, Code, Group, Modal, ScrollArea, Stack, Tabs, Text, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { ExplainResult } from '@shared/models/explain';
import { AlertIcon } from '@renderer/components/icons';
import type { ExplainRequest } from './explain-store';
import { ExplainTree } from './explain-tree';
import { useExplain } from './use-explain';

const FORMAT_NOTE: Record<ExplainResult['format'], string> = {
  json: 'Estimated plan (EXPLAIN FORMAT=JSON).',
  analyze: 'Measured plan: the statement was run (ANALYZE FORMAT=JSON).',
  text: 'Measured plan: the statement was run (EXPLAIN ANALYZE).',
  table: 'Estimated plan (tabular EXPLAIN: this server has no JSON plans).',
};

/** The plan of one statement: explained at once, analyzed (run) only when asked. */
export function ExplainDialog({ request, onClose }: { request: ExplainRequest; onClose: () => void }) {
  const [sql, setSql] = useState(request.sql);
  const explain = useExplain(request, sql);
  const { mutate } = explain;
  useEffect(() => mutate(false), [mutate]);

  return (
    <Modal opened onClose={onClose} title="Query plan" size="80rem" data-testid="explain-dialog">
      <Stack gap="sm">
        <Textarea
          value={sql}
          onChange={(e) => setSql(e.currentTarget.value)}
          autosize
          minRows={2}
          maxRows={6}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 12 } }}
          aria-label="Statement to explain"
          data-testid="explain-sql"
        />
        <Group gap="xs" justify="space-between">
          <Text size="xs" c="dimmed">
            Analyze runs the statement to measure it, so it is offered for SELECT statements only.
          </Text>
          <Group gap="xs">
            <Button
              size="xs"
              variant="default"
              onClick={() => explain.mutate(true)}
              loading={explain.isPending && explain.variables}
              disabled={explain.isPending}
              data-testid="explain-analyze"
            >
              Analyze (runs it)
            </Button>
            <Button
              size="xs"
              onClick={() => explain.mutate(false)}
              loading={explain.isPending && !explain.variables}
              disabled={explain.isPending}
              data-testid="explain-run"
            >
              Explain
            </Button>
          </Group>
        </Group>
        {explain.isError && (
          <Alert color="red" icon={<AlertIcon />} title="No plan" data-testid="explain-error">
            {explain.error.message}
          </Alert>
        )}
        {explain.data && (
          <Tabs defaultValue="plan" keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="plan">Plan</Tabs.Tab>
              <Tabs.Tab value="raw">{explain.data.format === 'table' ? 'Rows' : 'Raw'}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="plan" pt="sm">
              <Text size="xs" c="dimmed" mb={6} data-testid="explain-format">
                {FORMAT_NOTE[explain.data.format]}
              </Text>
              <ScrollArea.Autosize mah="55vh" type="auto">
                <ExplainTree result={explain.data} />
              </ScrollArea.Autosize>
            </Tabs.Panel>
            <Tabs.Panel value="raw" pt="sm">
              <ScrollArea.Autosize mah="60vh" type="auto">
                <Code block data-testid="explain-raw">
                  {prettyJson(explain.data.raw)}
                </Code>
              </ScrollArea.Autosize>
            </Tabs.Panel>
          </Tabs>
        )}
      </Stack>
    </Modal>
  );
}

function prettyJson(raw: string): string {
  try {
    return JSON.stringify(JSON.parse(raw), null, 2);
  } catch {
    return raw;
  }
}
