import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { MetricSeries } from '@shared/models/cloudwatch';
import { METRIC_TITLES, metricValueText } from './metric-format';
import classes from './metrics.module.css';

const HEIGHT = 110;
const FALLBACK_LINE = '#228be6';

// uPlot draws on a canvas, which cannot read CSS variables: resolve the theme's colour first.
function lineColor(el: HTMLElement): string {
  return getComputedStyle(el).getPropertyValue('--mantine-color-blue-6').trim() || FALLBACK_LINE;
}

/** One small uPlot line chart of a metric over the hour; sized to its container. */
export function MetricChart({ series }: { series: MetricSeries }) {
  const box = useRef<HTMLDivElement>(null);
  const latest = series.points.at(-1);

  useEffect(() => {
    const el = box.current;
    if (!el || series.points.length === 0) return;
    const data: uPlot.AlignedData = [
      series.points.map((p) => Date.parse(p.t) / 1000),
      series.points.map((p) => p.v),
    ];
    const plot = new uPlot(
      {
        width: Math.max(el.clientWidth, 160),
        height: HEIGHT,
        legend: { show: false },
        cursor: { y: false },
        scales: { y: { range: (_u, min, max) => [Math.min(0, min), max > min ? max : min + 1] } },
        axes: [
          { size: 24, font: '10px sans-serif', stroke: 'gray' },
          {
            size: 56,
            font: '10px sans-serif',
            stroke: 'gray',
            values: (_u, ticks) => ticks.map((v) => metricValueText(series.unit, v)),
          },
        ],
        series: [{}, { stroke: lineColor(el), width: 1.5, fill: 'rgba(34, 139, 230, 0.08)' }],
      },
      data,
      el,
    );
    // The detail panel can be resized: follow its width.
    const observer = new ResizeObserver(() =>
      plot.setSize({ width: Math.max(el.clientWidth, 160), height: HEIGHT }),
    );
    observer.observe(el);
    return () => {
      observer.disconnect();
      plot.destroy();
    };
  }, [series]);

  return (
    <div
      className={classes.chart}
      data-testid="metric-chart"
      data-metric={series.metric}
      data-points={series.points.length}
    >
      <div className={classes.chartHead}>
        <span>{METRIC_TITLES[series.metric]}</span>
        <span className={classes.latest}>{latest ? metricValueText(series.unit, latest.v) : 'no data'}</span>
      </div>
      {series.points.length === 0 ? (
        <div className={classes.noData}>No data points in the last hour.</div>
      ) : (
        <div ref={box} />
      )}
    </div>
  );
}
