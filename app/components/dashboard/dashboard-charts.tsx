import { BlockStack, Box, Button, DataTable, InlineStack, Text } from "@shopify/polaris";
import { useId, useState } from "react";
import type { Period } from "../../features/dashboard/domain/periods";
import { chartGeometry, describeActivity, formatDay, type ChartBox, type DailyActivity } from "../../features/dashboard/dashboard";

const BOX: ChartBox = { width: 640, height: 220, top: 12, right: 12, bottom: 28, left: 40 };
// Two hues plus a dash pattern, so the lines stay apart without colour vision.
const SESSIONS_COLOR = "var(--p-color-bg-fill-emphasis)";
const TICKETS_COLOR = "var(--p-color-bg-fill-magic)";
const TICKETS_DASH = "6 4";
const GRID_COLOR = "var(--p-color-border-secondary)";
const LABEL_COLOR = "var(--p-color-text-secondary)";

/** The end labels align inward so they stay inside the chart. */
const labelAnchor = (index: number, count: number) => (count === 1 ? "middle" : index === 0 ? "start" : index === count - 1 ? "end" : "middle");

const path = (points: { x: number; y: number }[]) => points.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(" ");

function Legend() {
  const swatch = (color: string, dash?: string) => (
    <svg width="24" height="8" aria-hidden="true">
      <line x1="0" y1="4" x2="24" y2="4" stroke={color} strokeWidth="3" strokeDasharray={dash} />
    </svg>
  );
  return (
    <InlineStack gap="400" blockAlign="center">
      <InlineStack gap="100" blockAlign="center">
        {swatch(SESSIONS_COLOR)}
        <Text as="span" variant="bodySm">
          Self-service sessions
        </Text>
      </InlineStack>
      <InlineStack gap="100" blockAlign="center">
        {swatch(TICKETS_COLOR, TICKETS_DASH)}
        <Text as="span" variant="bodySm">
          Tickets
        </Text>
      </InlineStack>
    </InlineStack>
  );
}

/** Daily self-service sessions against tickets: a line chart, with its figures as a table on request. */
export function ActivityChart({ series, period }: { series: DailyActivity[]; period: Period }) {
  const [asTable, setAsTable] = useState(false);
  const tableId = useId();
  const geometry = chartGeometry(series, BOX);
  // First, middle and last day: enough to read dates without crowding 90 labels.
  const labelled = [...new Set([0, Math.floor((series.length - 1) / 2), series.length - 1])].filter((i) => i >= 0);
  const showDots = series.length <= 31;

  return (
    <BlockStack gap="300">
      <Legend />
      <svg viewBox={`0 0 ${BOX.width} ${BOX.height}`} width="100%" role="img" aria-label={describeActivity(series, period)}>
        {geometry.ticks.map((tick) => (
          <g key={tick.value}>
            <line x1={BOX.left} x2={BOX.width - BOX.right} y1={tick.y} y2={tick.y} stroke={GRID_COLOR} strokeWidth="1" />
            <text x={BOX.left - 6} y={tick.y + 4} textAnchor="end" fontSize="11" fill={LABEL_COLOR}>
              {tick.value}
            </text>
          </g>
        ))}
        {labelled.map((i) => (
          <text key={i} x={geometry.xs[i]} y={BOX.height - 8} textAnchor={labelAnchor(i, series.length)} fontSize="11" fill={LABEL_COLOR}>
            {formatDay(series[i]?.day ?? "")}
          </text>
        ))}
        <polyline points={path(geometry.sessions)} fill="none" stroke={SESSIONS_COLOR} strokeWidth="2.5" strokeLinejoin="round" />
        <polyline
          points={path(geometry.tickets)}
          fill="none"
          stroke={TICKETS_COLOR}
          strokeWidth="2.5"
          strokeDasharray={TICKETS_DASH}
          strokeLinejoin="round"
        />
        {showDots &&
          geometry.sessions.map((p, i) => <circle key={`s${i}`} cx={p.x} cy={p.y} r="3" fill={SESSIONS_COLOR} />)}
        {showDots && geometry.tickets.map((p, i) => <circle key={`t${i}`} cx={p.x} cy={p.y} r="3" fill={TICKETS_COLOR} />)}
      </svg>
      <InlineStack>
        <Button variant="plain" onClick={() => setAsTable((open) => !open)} ariaExpanded={asTable} ariaControls={tableId}>
          {asTable ? "Hide table" : "Show as table"}
        </Button>
      </InlineStack>
      <div id={tableId} hidden={!asTable}>
        {asTable && (
          <DataTable
            columnContentTypes={["text", "numeric", "numeric"]}
            headings={["Day", "Self-service sessions", "Tickets"]}
            rows={series.map((d) => [formatDay(d.day), d.sessions, d.tickets])}
          />
        )}
      </div>
    </BlockStack>
  );
}

export type Bar = { key: string; label: string; value: number; detail: string };

/** A ranked list with a bar per row; the text carries every figure, the bars only help the eye. */
export function BarList({ bars, empty }: { bars: Bar[]; empty: string }) {
  if (bars.length === 0) {
    return (
      <Text as="p" tone="subdued">
        {empty}
      </Text>
    );
  }
  const max = Math.max(...bars.map((b) => b.value), 1);
  return (
    <ol style={{ listStyle: "none", margin: 0, padding: 0 }}>
      {bars.map((bar) => (
        <li key={bar.key}>
          <Box paddingBlockEnd="200">
            <InlineStack align="space-between" gap="200" wrap={false}>
              <Text as="span" breakWord>
                {bar.label}
              </Text>
              <Text as="span" tone="subdued" numeric>
                {bar.detail}
              </Text>
            </InlineStack>
            <div aria-hidden="true" style={{ height: 8, borderRadius: 4, background: "var(--p-color-bg-fill-secondary)" }}>
              <div style={{ width: `${(bar.value / max) * 100}%`, height: "100%", borderRadius: 4, background: SESSIONS_COLOR }} />
            </div>
          </Box>
        </li>
      ))}
    </ol>
  );
}
