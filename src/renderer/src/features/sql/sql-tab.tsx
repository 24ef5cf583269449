import { Splitter, useComputedColorScheme } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useRef, useState } from 'react';
import { splitStatements } from '@shared/sql/split-statements';
import { useProfiles } from '@renderer/api/use-profiles';
import { useInvalidateSqlHistory } from '@renderer/api/use-sql-history';
import { SchemaPane } from '@renderer/features/schema/schema-pane';
import type { SqlTabInfo } from '@renderer/stores/workspace-tabs-store';
import { ConsentDialog } from './consent-dialog';
import { dialectOf } from './format-sql';
import { LazySqlEditor } from './lazy-sql-editor';
import { ReconnectNotice } from './reconnect-notice';
import { ResultTabs } from './result-tabs';
import type { RunMode } from './run-target';
import { SaveQueryDialog } from './save-query-dialog';
import { SessionBanner } from './session-banner';
import type { SqlEditorHandle } from './sql-editor-handle';
import { SqlSidePanel } from './sql-side-panel';
import { SqlToolbar } from './sql-toolbar';
import { useLiveSession } from './use-live-session';
import { useScriptRun } from './use-script-run';
import { useSqlSession } from './use-sql-session';
import frame from '@renderer/components/workspace-tab.module.css';
import classes from './sql-tab.module.css';

/** One editor tab: its own session, its own editor text, one result tab per statement of its last run. */
export function SqlTab({ tab }: { tab: SqlTabInfo }) {
  const profile = useProfiles().data?.profiles.find((p) => p.id === tab.profileId);
  const { state: session, reconnect, markLost } = useSqlSession(tab.profileId);
  const opened = session.status === 'open' ? session.session : null;
  const live = useLiveSession(opened);
  const editorRef = useRef<SqlEditorHandle>(null);
  const invalidateHistory = useInvalidateSqlHistory();
  const script = useScriptRun({
    sessionId: opened?.sessionId ?? null,
    onSessionGone: markLost,
    onStatementError: (statement, error) => editorRef.current?.markError(statement, error.message),
    onFinished: () => void invalidateHistory(tab.profileId),
  });
  const [sidePanelOpen, setSidePanelOpen] = useState(false);
  const [saving, setSaving] = useState<string | null>(null);
  const colorScheme = useComputedColorScheme('light');
  const production = profile?.environment === 'production';

  const { run } = script;
  const runEditor = useCallback(
    (mode: RunMode) => {
      const editor = editorRef.current;
      if (!editor) return;
      editor.clearErrors();
      void run(editor.getStatements(mode));
      editor.focus();
    },
    [run],
  );
  const format = useCallback(() => {
    const outcome = editorRef.current?.format(dialectOf(opened?.serverVersion, profile?.engine));
    if (outcome && !outcome.ok)
      notifications.show({ color: 'orange', title: 'Not formatted', message: outcome.message });
    editorRef.current?.focus();
  }, [opened?.serverVersion, profile?.engine]);

  return (
    <div
      className={`${frame.tab} ${production ? classes.production : ''}`}
      data-testid="sql-tab"
      data-tab-id={tab.id}
      data-environment={profile?.environment}
    >
      <SqlToolbar
        profile={profile}
        session={session}
        live={live}
        running={script.running}
        onRun={runEditor}
        onCancel={script.cancel}
        onFormat={format}
        sidePanelOpen={sidePanelOpen}
        onToggleSidePanel={() => setSidePanelOpen((o) => !o)}
      />
      <SessionBanner session={session} onReconnect={reconnect} />
      <ReconnectNotice live={live} />
      <div className={classes.workspace}>
        <SchemaPane
          tabId={tab.id}
          profileId={tab.profileId}
          sessionId={opened?.sessionId ?? null}
          database={live.session?.database ?? opened?.database ?? (profile?.database || null)}
          onRunSql={(sql) => {
            editorRef.current?.insert(sql);
            void run(splitStatements(sql), { markErrors: false });
          }}
        />
        <Splitter orientation="vertical" className={classes.split} lineSize={1}>
          <Splitter.Pane defaultSize={40} min="60px" className={classes.editorPane}>
            <LazySqlEditor ref={editorRef} colorScheme={colorScheme} onRun={runEditor} onFormat={format} />
          </Splitter.Pane>
          <Splitter.Pane defaultSize={60} min="60px">
            <ResultTabs
              runs={script.runs}
              state={script.state}
              runCount={script.runCount}
              onCancel={script.cancel}
              onFetchAll={(key) => void script.fetchAll(key)}
            />
          </Splitter.Pane>
        </Splitter>
        {sidePanelOpen && (
          <SqlSidePanel
            profileId={tab.profileId}
            onClose={() => setSidePanelOpen(false)}
            onInsert={(sql) => editorRef.current?.insert(sql)}
            onRun={(sql) => void run(splitStatements(sql), { markErrors: false })}
            onSaveCurrent={() => setSaving(editorRef.current?.getText() || null)}
            canRun={opened !== null && !script.running}
          />
        )}
      </div>
      <ConsentDialog request={script.consent} profile={profile} />
      <SaveQueryDialog
        sql={saving}
        profileId={tab.profileId}
        profileName={profile?.name ?? 'this connection'}
        onClose={() => setSaving(null)}
      />
    </div>
  );
}
