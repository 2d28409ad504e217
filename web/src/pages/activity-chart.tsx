// Provisioning activity as a hand-written SVG bar chart: one bar per hour or day, errors stacked in red on top of the
// successful requests. Screen readers get a summary (role="img" with aria-label) and the numbers as a hidden table.
import { useEffect, useRef, useState } from 'react';
import type { ResponseOf } from '../api/client';

type Activity = ResponseOf<'/dashboard', 'get'>['activity'];
type Bucket = Activity['buckets'][number];

const HEIGHT = 220;
const MARGIN = { top: 12, right: 20, bottom: 26, left: 40 } as const;
/** Room one x-axis label needs, in pixels: fewer fit on a phone, so fewer are drawn. */
const LABEL_SPACE = 56;

const RANGE_TEXT: Record<Activity['range'], string> = {
  '24h': 'the last 24 hours',
  '7d': 'the last 7 days',
  '30d': 'the last 30 days',
};

// Hours in the viewer's time zone; days are UTC days (the server counts them so), named as such.
const hourFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });
const hourLongFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const dayLongFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });

function labelOf(bucket: Bucket, kind: Activity['bucket'], long: boolean): string {
  const date = new Date(bucket.start);
  if (kind === 'hour') return (long ? hourLongFormat : hourFormat).format(date);
  return long ? `${dayLongFormat.format(date)} (UTC)` : dayFormat.format(date);
}

/** An upper bound for the y axis and its step: 1, 2 or 5 times a power of ten, about four steps. */
function scaleOf(max: number): { top: number; step: number } {
  if (max <= 4) return { top: 4, step: 1 };
  const rough = max / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? rough * 2;
  return { top: Math.ceil(max / step) * step, step };
}

const plural = (n: number, word: string) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

/** The chart's width follows its container, so its text stays readable at any width instead of being scaled. */
function useWidth() {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(720);
  useEffect(() => {
    const element = ref.current;
    if (element === null) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry !== undefined) setWidth(Math.max(280, Math.floor(entry.contentRect.width)));
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
    };
  }, []);
  return { ref, width };
}

export function ActivityChart({ activity }: { activity: Activity }) {
  const { ref, width } = useWidth();
  const { buckets, bucket: kind, range } = activity;
  const totalRequests = buckets.reduce((sum, b) => sum + b.requests, 0);
  const totalErrors = buckets.reduce((sum, b) => sum + b.errors, 0);
  const busiest = buckets.reduce<Bucket | undefined>(
    (top, b) => (top === undefined || b.requests > top.requests ? b : top),
    undefined,
  );
  const { top, step } = scaleOf(Math.max(0, ...buckets.map((b) => b.requests)));

  const plotWidth = width - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const slot = buckets.length === 0 ? plotWidth : plotWidth / buckets.length;
  const barWidth = Math.max(2, slot * 0.7);
  const y = (value: number) => MARGIN.top + plotHeight - (value / top) * plotHeight;
  const ticks = Array.from({ length: top / step + 1 }, (_, i) => i * step);
  const labelEvery = Math.max(
    1,
    Math.ceil(buckets.length / Math.max(1, Math.floor(plotWidth / LABEL_SPACE))),
  );

  const summary =
    `Provisioning activity over ${RANGE_TEXT[range]}: ${plural(totalRequests, 'request')}, ${plural(totalErrors, 'error')}` +
    (busiest !== undefined && busiest.requests > 0
      ? `; busiest ${kind} ${labelOf(busiest, kind, true)} with ${plural(busiest.requests, 'request')}.`
      : '.');

  return (
    <div className="activity-chart" ref={ref}>
      <svg
        className="chart"
        role="img"
        aria-label={summary}
        width={width}
        height={HEIGHT}
        viewBox={`0 0 ${width} ${HEIGHT}`}
      >
        {ticks.map((tick) => (
          <g key={tick} className="chart-grid">
            <line x1={MARGIN.left} x2={width - MARGIN.right} y1={y(tick)} y2={y(tick)} />
            <text x={MARGIN.left - 6} y={y(tick)} dy="0.32em" textAnchor="end">
              {tick.toLocaleString('en')}
            </text>
          </g>
        ))}
        {buckets.map((b, i) => {
          const x = MARGIN.left + i * slot + (slot - barWidth) / 2;
          const ok = b.requests - b.errors;
          return (
            <g key={b.start} className="chart-column">
              <title>{`${labelOf(b, kind, true)}: ${plural(b.requests, 'request')}, ${plural(b.errors, 'error')}`}</title>
              {/* The whole column answers hover, so a short bar's title is easy to reach. */}
              <rect
                className="chart-hit"
                x={MARGIN.left + i * slot}
                y={MARGIN.top}
                width={slot}
                height={plotHeight}
              />
              {ok > 0 && (
                <rect
                  className="chart-bar-ok"
                  x={x}
                  y={y(b.requests)}
                  width={barWidth}
                  height={y(b.errors) - y(b.requests)}
                />
              )}
              {b.errors > 0 && (
                <rect
                  className="chart-bar-error"
                  x={x}
                  y={y(b.errors)}
                  width={barWidth}
                  height={y(0) - y(b.errors)}
                />
              )}
              {i % labelEvery === 0 && (
                <text className="chart-axis" x={x + barWidth / 2} y={HEIGHT - 8} textAnchor="middle">
                  {labelOf(b, kind, false)}
                </text>
              )}
            </g>
          );
        })}
        <line className="chart-baseline" x1={MARGIN.left} x2={width - MARGIN.right} y1={y(0)} y2={y(0)} />
      </svg>
      <div className="chart-legend" aria-hidden="true">
        <span>
          <span className="legend-swatch legend-swatch-requests" />
          Successful requests
        </span>
        <span>
          <span className="legend-swatch legend-swatch-errors" />
          Errors (status 400 and above)
        </span>
      </div>
      {/* The wrapper hides the table: a table ignores the 1px size .visually-hidden gives it. */}
      <div className="visually-hidden">
        <table>
          <caption>
            SCIM requests per {kind} over {RANGE_TEXT[range]}
          </caption>
          <thead>
            <tr>
              <th scope="col">{kind === 'hour' ? 'Hour' : 'Day (UTC)'}</th>
              <th scope="col">Requests</th>
              <th scope="col">Errors</th>
            </tr>
          </thead>
          <tbody>
            {buckets.map((b) => (
              <tr key={b.start}>
                <th scope="row">{labelOf(b, kind, true)}</th>
                <td>{b.requests}</td>
                <td>{b.errors}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
