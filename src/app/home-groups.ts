import type { WorkshopSummary } from '../storage/workshop-store';

export type HomeEntry =
  | { kind: 'workshop'; workshop: WorkshopSummary }
  | { kind: 'series'; series: WorkshopSummary | undefined; id: string; meetings: WorkshopSummary[] };

/** The home screen's list: workshops of one series together (meetings oldest first, as the
 *  series runs), the rest alone; entries newest first by their latest change. A series row
 *  itself is never listed as a workshop. */
export function groupBySeries(rows: WorkshopSummary[]): HomeEntry[] {
  const series = new Map(rows.filter((r) => r.kind === 'series').map((r) => [r.id, r]));
  const groups = new Map<string, WorkshopSummary[]>();
  const entries: { entry: HomeEntry; latest: number }[] = [];
  for (const row of rows) {
    if (row.kind === 'series') continue;
    if (!row.series) {
      entries.push({ entry: { kind: 'workshop', workshop: row }, latest: row.updatedAt });
      continue;
    }
    const list = groups.get(row.series) ?? [];
    list.push(row);
    groups.set(row.series, list);
  }
  for (const [id, meetings] of groups) {
    meetings.sort((a, b) => (a.createdAt ?? a.updatedAt) - (b.createdAt ?? b.updatedAt) || a.id.localeCompare(b.id));
    entries.push({ entry: { kind: 'series', series: series.get(id), id, meetings }, latest: Math.max(...meetings.map((m) => m.updatedAt)) });
  }
  return entries.sort((a, b) => b.latest - a.latest).map((e) => e.entry);
}
