import { useCallback, useRef, useState, type PointerEvent } from 'react';
import { SchemaPanel, type SchemaPanelProps } from './schema-panel';
import classes from './schema-pane.module.css';

const WIDTH_KEY = 'rdx.schemaPaneWidth';
const MIN = 180;
const MAX = 640;
const DEFAULT = 260;

function savedWidth(): number {
  const value = Number(globalThis.localStorage?.getItem(WIDTH_KEY));
  return Number.isFinite(value) && value >= MIN && value <= MAX ? value : DEFAULT;
}

/** The schema tree as the SQL tab's left pane, resizable by its right edge (width remembered). */
export function SchemaPane(props: SchemaPanelProps) {
  const [width, setWidth] = useState(savedWidth);
  const drag = useRef<{ x: number; width: number } | null>(null);

  const onPointerDown = useCallback(
    (e: PointerEvent<HTMLDivElement>) => {
      e.currentTarget.setPointerCapture(e.pointerId);
      drag.current = { x: e.clientX, width };
    },
    [width],
  );
  const onPointerMove = useCallback((e: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    setWidth(Math.min(MAX, Math.max(MIN, drag.current.width + e.clientX - drag.current.x)));
  }, []);
  const onPointerUp = useCallback(() => {
    drag.current = null;
    setWidth((w) => {
      globalThis.localStorage?.setItem(WIDTH_KEY, String(w));
      return w;
    });
  }, []);

  return (
    <div className={classes.pane} style={{ width }} data-testid="schema-pane">
      <SchemaPanel {...props} />
      <div
        className={classes.handle}
        role="separator"
        aria-orientation="vertical"
        aria-label="Resize the schema pane"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
      />
    </div>
  );
}
