import { Splitter, useComputedColorScheme } from '@mantine/core';
import { useCallback, useMemo, useRef } from 'react';
import type { ConsumedCapacity, DynamoEndpointInfo, DynamoTableDetail } from '@shared/models/dynamo';
import { useDynamoCapacity } from '../capacity/capacity-store';
import { UnsupportedState } from './unsupported-state';
import { useDynamoPrices } from '../use-dynamo';
import { LazyPartiqlEditor } from './lazy-partiql-editor';
import type { PartiqlEditorHandle } from './partiql-editor-handle';
import { PartiqlResults } from './partiql-results';
import { PartiqlToolbar } from './partiql-toolbar';
import { usePartiqlCompletion } from './use-partiql-completion';
import { usePartiqlRun, type StatementError } from './use-partiql-run';
import frame from '@renderer/components/workspace-tab.module.css';
import classes from './partiql.module.css';

interface PartiqlPanelProps {
  profile: string;
  region: string;
  detail: DynamoTableDetail;
  endpoint: DynamoEndpointInfo | undefined;
}

/** PartiQL against the table's region: the editor, Run, paged results and each batch statement's fate. */
export function PartiqlPanel({ profile, region, detail, endpoint }: PartiqlPanelProps) {
  const colorScheme = useComputedColorScheme('light');
  const editorRef = useRef<PartiqlEditorHandle>(null);
  const addCapacity = useDynamoCapacity((s) => s.add);
  const onConsumed = useCallback((c: ConsumedCapacity) => addCapacity(region, c), [addCapacity, region]);
  const { state, run, nextPage } = usePartiqlRun(profile, region, onConsumed);
  const prices = useDynamoPrices().data;
  const completion = usePartiqlCompletion(profile, detail, state.items);
  const keyNames = useMemo(
    () => [detail.partitionKey.name, ...(detail.sortKey ? [detail.sortKey.name] : [])],
    [detail.partitionKey.name, detail.sortKey],
  );
  // The text the editor starts with; the editor owns it from then on.
  const initialText = `SELECT * FROM "${detail.name.replace(/"/g, '""')}"`;

  const mark = (errors: StatementError[] | null) => {
    if (errors) editorRef.current?.markErrors(errors);
  };
  const onRun = () => {
    const editor = editorRef.current;
    if (!editor) return;
    editor.clearErrors();
    void run(editor.getTargets()).then(mark);
  };

  if (endpoint && !endpoint.partiql)
    return <UnsupportedState what="PartiQL" endpoint={endpoint} testId="partiql-unsupported" />;

  return (
    <div className={frame.tab} data-testid="dynamo-partiql">
      <PartiqlToolbar
        state={state}
        region={region}
        prices={prices}
        onRun={onRun}
        onNextPage={() => void nextPage().then(mark)}
      />
      <Splitter orientation="vertical" className={classes.split} lineSize={1}>
        <Splitter.Pane defaultSize={32} min="60px" className={classes.editorPane}>
          <LazyPartiqlEditor
            ref={editorRef}
            colorScheme={colorScheme}
            initialText={initialText}
            completion={completion}
            onRun={onRun}
          />
        </Splitter.Pane>
        <Splitter.Pane defaultSize={68} min="80px">
          <PartiqlResults state={state} keyNames={keyNames} />
        </Splitter.Pane>
      </Splitter>
    </div>
  );
}
