import { Badge } from '@mantine/core';
import type { ExplainNode, ExplainResult } from '@shared/models/explain';
import { flattenPlan, formatNumber } from './explain-measure';
import classes from './explain-tree.module.css';

const MEASURE_LABEL = { cost: 'Relative cost', time: 'Share of time', rows: 'Rows examined' } as const;

/** The plan as an indented tree; the bar compares each step's cost (or time, or rows) to the largest. */
export function ExplainTree({ result }: { result: ExplainResult }) {
  const rows = flattenPlan(result.root, result.measure);
  const analyzed = result.format === 'analyze' || result.format === 'text';
  // Only the columns the server filled: MariaDB 10.x reports no costs, plain EXPLAIN no actual rows.
  const hasCost = rows.some((r) => r.node.cost !== undefined);
  const columns = [
    { label: 'Est. rows', show: true, value: (n: ExplainNode) => formatNumber(n.rows) },
    {
      label: 'Filtered',
      show: true,
      value: (n: ExplainNode) => (n.filtered !== undefined ? `${formatNumber(n.filtered, 1)}%` : ''),
    },
    { label: 'Cost', show: hasCost, value: (n: ExplainNode) => formatNumber(n.cost, 2) },
    { label: 'Actual rows', show: analyzed, value: (n: ExplainNode) => formatNumber(n.rRows, 1) },
    { label: 'Loops', show: analyzed, value: (n: ExplainNode) => formatNumber(n.rLoops) },
    { label: 'Time (ms)', show: analyzed, value: (n: ExplainNode) => formatNumber(n.rTotalTimeMs, 3) },
  ].filter((c) => c.show);
  const grid = { gridTemplateColumns: `minmax(260px, 1fr) ${columns.map(() => '84px').join(' ')} 150px` };
  return (
    <div className={classes.plan} data-testid="explain-tree">
      <div className={classes.head} style={grid}>
        <span>Step</span>
        {columns.map((c) => (
          <span key={c.label} className={classes.num}>
            {c.label}
          </span>
        ))}
        <span>{MEASURE_LABEL[result.measure]}</span>
      </div>
      {rows.map(({ node, depth, share, value }) => {
        const fullScan = node.accessType === 'ALL';
        const details = [
          node.key
            ? `key ${node.key}`
            : node.possibleKeys
              ? `possible keys ${node.possibleKeys.join(', ')}`
              : '',
          node.condition ? `where ${node.condition}` : '',
          ...(node.extra ?? []),
        ].filter(Boolean);
        return (
          <div
            key={node.id}
            className={classes.row}
            style={grid}
            data-testid="explain-node"
            data-table={node.table}
          >
            <div className={classes.step} style={{ paddingLeft: depth * 18 }}>
              {depth > 0 && <span className={classes.branch}>└</span>}
              <div className={classes.what}>
                <span className={`${classes.operation} ${fullScan ? classes.scan : ''}`}>
                  {node.operation}
                </span>
                {node.table && <span className={classes.table}>{node.table}</span>}
                {node.accessType && (
                  <Badge size="xs" variant="light" color={fullScan ? 'orange' : 'gray'} ml={6} radius="sm">
                    {node.accessType}
                  </Badge>
                )}
                {details.length > 0 && (
                  <div className={classes.detail} title={details.join(' · ')}>
                    {details.join(' · ')}
                  </div>
                )}
              </div>
            </div>
            {columns.map((c) => (
              <span key={c.label} className={classes.num}>
                {c.value(node)}
              </span>
            ))}
            <div className={classes.barCell}>
              {depth > 0 && value !== undefined && (
                <div className={classes.barTrack}>
                  <div
                    className={classes.bar}
                    data-hot={share > 0.66 || undefined}
                    style={{ width: `${share * 100}%` }}
                  />
                </div>
              )}
            </div>
          </div>
        );
      })}
    </div>
  );
}
