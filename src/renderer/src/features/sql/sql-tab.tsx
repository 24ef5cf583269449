import { Splitter, useComputedColorScheme } from '@mantine/core';
import { useRef } from 'react';
import { useProfiles } from '@renderer/api/use-profiles';
import { ResultsPanel } from '@renderer/features/results/results-panel';
import type { SqlTabInfo } from '@renderer/stores/workspace-tabs-store';
import { LazySqlEditor } from './lazy-sql-editor';
import { SessionBanner } from './session-banner';
import { RUN_SHORTCUT } from './shortcut';
import type { SqlEditorHandle } from './sql-editor-handle';
import { SqlToolbar } from './sql-toolbar';
import { useSqlRun } from './use-sql-run';
import { useSqlSession } from './use-sql-session';
import frame from '@renderer/components/workspace-tab.module.css';
import classes from './sql-tab.module.css';

/** One editor tab: its own session, its own editor text, its own last result. */
export function SqlTab({ tab }: { tab: SqlTabInfo }) {
  const profile = useProfiles().data?.profiles.find((p) => p.id === tab.profileId);
  const { state: session, reconnect, markLost } = useSqlSession(tab.profileId);
  const sql = useSqlRun(session, markLost);
  const editorRef = useRef<SqlEditorHandle>(null);
  const colorScheme = useComputedColorScheme('light');

  return (
    <div className={frame.tab} data-testid="sql-tab" data-tab-id={tab.id}>
      <SqlToolbar
        profile={profile}
        session={session}
        running={sql.running}
        onRun={() => {
          sql.run(editorRef.current?.getTextToRun() ?? '');
          editorRef.current?.focus();
        }}
      />
      <SessionBanner
        session={session}
        onReconnect={() => {
          sql.forgetInterrupted();
          reconnect();
        }}
      />
      <Splitter orientation="vertical" className={classes.split} lineSize={1}>
        <Splitter.Pane defaultSize={40} min="60px" className={classes.editorPane}>
          <LazySqlEditor ref={editorRef} colorScheme={colorScheme} onRun={sql.run} />
        </Splitter.Pane>
        <Splitter.Pane defaultSize={60} min="60px">
          <ResultsPanel
            state={sql.state}
            result={sql.result}
            error={sql.error}
            runCount={sql.runCount}
            shortcut={RUN_SHORTCUT}
          />
        </Splitter.Pane>
      </Splitter>
    </div>
  );
}
