/** The words the series' parts of an export use (spread into LABEL_KEYS). */
export const SERIES_LABEL_KEYS = [
  'summary.actions', 'export.csv.kind.action', 'summary.decisions', 'summary.parked',
  'actions.status.open', 'actions.status.in-progress', 'actions.status.done', 'actions.status.dropped',
  'actions.noOwner', 'actions.due.none', 'actions.due.on', 'actions.from',
  'source.note', 'source.proposal', 'source.stakeholder', 'source.risk', 'source.pledge', 'source.parked',
  'seriesReport.title', 'seriesReport.meetings', 'seriesReport.attendance', 'seriesReport.notHere',
  'seriesReport.people', 'seriesReport.noGroup', 'seriesReport.decisions', 'seriesReport.actions',
  'seriesReport.parked', 'seriesReport.stillParked', 'seriesReport.none', 'seriesReport.madeIn',
  'seriesReport.change', 'seriesReport.generated', 'series.scheduled', 'outcomes.inMeeting',
] as const;
