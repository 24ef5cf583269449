import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { formatLagSeconds } from '../replication-format';
import type { LagSample } from '../lag-history';
import classes from './node-detail.module.css';

const HEIGHT = 120;
const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** Axis ticks: seconds with a decimal under 10 s (0.5 s, not "1 s" twice), else as lag text. */
function tickText(v: number): string {
  return v < 10 && !Number.isInteger(v) ? `${v.toFixed(1)} s` : formatLagSeconds(v);
}

// uPlot draws on a canvas, which cannot read CSS variables: resolve the theme's colours first.
function cssColor(el: HTMLElement, name: string, fallback: string): string {
  return getComputedStyle(el).getPropertyValue(name).trim() || fallback;
}

function toData(samples: readonly LagSample[]): uPlot.AlignedData {
  return [samples.map((s) => s.t / 1000), samples.map((s) => s.reported), samples.map((s) => s.measured)];
}

/** Reported (Seconds_Behind) and measured (heartbeat) lag of one node over the session. */
export function LagChart({ samples }: { samples: readonly LagSample[] }) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const enough = samples.length >= 2;

  useEffect(() => {
    const el = box.current;
    if (!el || !enough) return;
    const created = new uPlot(
      {
        width: Math.max(el.clientWidth, 200),
        height: HEIGHT,
        legend: { show: true, live: false },
        cursor: { y: false },
        scales: { y: { range: (_u, _min, max) => [0, max > 1 ? max * 1.1 : 1] } },
        axes: [
          {
            size: 24,
            space: 70,
            font: '10px sans-serif',
            stroke: 'gray',
            values: (_u, ticks) => ticks.map((t) => clock.format(new Date(t * 1000))),
          },
          {
            size: 50,
            font: '10px sans-serif',
            stroke: 'gray',
            values: (_u, ticks) => ticks.map(tickText),
          },
        ],
        series: [
          {},
          {
            label: 'reported',
            stroke: cssColor(el, '--mantine-color-blue-6', '#228be6'),
            width: 1.5,
            spanGaps: false,
          },
          {
            label: 'measured',
            stroke: cssColor(el, '--mantine-color-grape-6', '#be4bdb'),
            width: 1.5,
            dash: [4, 3],
            spanGaps: false,
          },
        ],
      },
      [[], [], []],
      el,
    );
    plot.current = created;
    const observer = new ResizeObserver(() =>
      created.setSize({ width: Math.max(el.clientWidth, 200), height: HEIGHT }),
    );
    observer.observe(el);
    return () => {
      observer.disconnect();
      created.destroy();
      plot.current = null;
    };
  }, [enough]);

  useEffect(() => {
    plot.current?.setData(toData(samples));
  }, [samples, enough]);

  return (
    <div className={classes.chart} data-testid="lag-chart" data-points={samples.length}>
      {enough ? (
        <div ref={box} />
      ) : (
        <div className={classes.noData}>The chart fills in as the tab refreshes (every 2 s).</div>
      )}
    </div>
  );
}
