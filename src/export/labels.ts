/* The words of an export come from the interface's messages, but this layer must not import
 * src/i18n (it runs in Node and in scripts, and imports point downwards only). Renderers take a
 * `Labels` function instead; the UI passes its `t`, which type-checks as long as every key below
 * is a message key. */

import type { MessageParams } from '../core/message-params';
import { HEALTH_LABEL_KEYS } from './health-labels';
import { SERIES_LABEL_KEYS } from './series-labels';

export const LABEL_KEYS = [
  'workshop.date', 'workshop.place', 'workshop.purpose', 'workshop.agenda',
  'board.kind.notes', 'board.kind.swot', 'board.kind.stakeholders', 'board.kind.ground-rules', 'board.kind.actions', 'board.kind.since',
  'note.noGroup',
  'swot.strengths', 'swot.weaknesses', 'swot.opportunities', 'swot.threats',
  'sector.government', 'sector.business', 'sector.civil-society', 'sector.academia',
  'sector.international-agency', 'sector.community', 'sector.other',
  'level.key-partner', 'level.active-partner', 'level.pilot', 'level.advisory', 'level.informed',
  'stakeholders.name', 'stakeholders.sector', 'stakeholders.level', 'stakeholders.needs',
  'stakeholders.interests', 'stakeholders.motivations', 'stakeholders.brings',
  'stakeholders.axis.influence', 'stakeholders.axis.interest', 'stakeholders.map.label',
  'stakeholders.quadrant.satisfied', 'stakeholders.quadrant.closely', 'stakeholders.quadrant.monitor',
  'stakeholders.quadrant.informed', 'stakeholders.unplaced', 'stakeholders.warning',
  'stakeholders.relationships', 'stakeholders.relationship.from', 'stakeholders.relationship.to',
  'stakeholders.percent', 'stakeholders.where', 'stakeholders.where.none', 'stakeholders.range',
  'stakeholders.mine', 'stakeholders.mine.none',
  'rules.answer.agree', 'rules.answer.reservations', 'rules.answer.object',
  'rules.status.open', 'rules.status.adopted', 'rules.status.needs-discussion', 'rules.tally',
  'consent.waitingFor', 'board.kind.vision', 'board.kind.indicators',
  'indicators.field.success', 'indicators.field.indicator', 'indicators.field.baseline', 'indicators.field.target',
  'indicators.field.method', 'indicators.field.collectedBy', 'indicators.field.frequency', 'indicators.field.reportTo',
  'export.vision.adopted', 'export.vision.adopted.none', 'export.vision.adoptedAs', 'export.vision.statement',
  'export.vision.versions', 'export.csv.kind.vision', 'export.csv.kind.visionVersion', 'export.csv.kind.indicator',
  'agenda.timebox', 'vote.results', 'vote.results.voters', 'vote.results.empty', 'vote.results.differsHint', 'vote.differs',
  // Only the export uses these:
  'export.title', 'export.table', 'export.table.people', 'export.participants', 'export.participants.count', 'export.participants.none',
  'export.author', 'export.empty', 'export.range', 'export.estimates',
  'export.map.help', 'export.relationship', 'export.rules.adopted', 'export.rules.adopted.none',
  'export.rules.withReservations', 'export.rules.proposals', 'export.rules.reason',
  'export.vote.dots', 'export.vote.open', 'export.vote.note', 'export.vote.total',
  'export.csv.kind', 'export.csv.kind.note', 'export.csv.kind.proposal', 'export.csv.kind.stakeholder',
  'export.csv.board', 'export.csv.quadrant', 'export.csv.heading', 'export.csv.text', 'export.csv.group',
  'export.csv.author', 'export.csv.status', 'export.csv.influence', 'export.csv.interest', 'export.csv.dots',
  ...SERIES_LABEL_KEYS,
  ...HEALTH_LABEL_KEYS,
  // Resources and commitments; risks, assumptions and red lines:
  'board.kind.resources', 'board.kind.risks',
  'resources.category.skills', 'resources.category.logistics', 'resources.category.people', 'resources.category.facilities',
  'resources.category.information', 'resources.category.distribution', 'resources.category.networks',
  'resources.category.publicity', 'resources.category.money', 'resources.category.services', 'resources.category.products',
  'resources.category.equipment', 'resources.category.unknown', 'resources.category',
  'resources.quantity', 'resources.needed', 'resources.gap', 'resources.otherUnits',
  'resources.status.open', 'resources.status.partly', 'resources.status.covered', 'resources.status.pledged',
  'resources.form.cash', 'resources.form.in-kind', 'resources.pledge.byDate', 'resources.pledge.outsideMark',
  'resources.pledge.partner', 'resources.partner.unknown', 'resources.grid.need',
  'resources.gaps.needs', 'resources.gaps.open', 'resources.gaps.needed', 'resources.gaps.pledged', 'resources.gaps.missing',
  'resources.gaps.cash', 'resources.gaps.inKind', 'resources.gaps.pledges',
  'risks.section.risks', 'risks.section.assumptions', 'risks.section.redLines', 'risks.text', 'risks.mitigation', 'risks.owner',
  'risks.axis.likelihood', 'risks.axis.impact', 'risks.where', 'risks.where.none', 'risks.range', 'risks.mine', 'risks.mine.none',
  'risks.grid.label', 'redLines.none', 'redLines.unknownPartner',
  'export.resources.grid', 'export.resources.byCategory', 'export.resources.byPartner', 'export.risks.bySeverity',
  'export.redLines.sealed', 'export.risks.unrated', 'export.csv.kind.need', 'export.csv.kind.pledge', 'export.csv.kind.risk',
  'export.csv.kind.assumption', 'export.csv.kind.redLine', 'export.csv.category', 'export.csv.partner', 'export.csv.form',
  'export.csv.amount', 'export.csv.unit', 'export.csv.due', 'export.csv.likelihood', 'export.csv.impact',
  'export.csv.mitigation', 'export.csv.owner',
  // The partnership agreement:
  'board.kind.agreement', 'agreement.section.vision', 'agreement.section.conduct', 'agreement.section.decisions',
  'agreement.section.roles', 'agreement.section.resources', 'agreement.section.communication', 'agreement.section.indicators',
  'agreement.section.risks', 'agreement.prompt.decisionRules', 'agreement.prompt.meetingRhythm', 'agreement.prompt.roles',
  'agreement.prompt.internalComms', 'agreement.prompt.externalComms', 'agreement.prompt.reviewSchedule', 'agreement.prompt.empty',
  'agreement.noBoard', 'agreement.forNeed', 'agreement.acceptance', 'agreement.reason', 'agreement.signOff', 'agreement.signOff.help',
  'agreement.signOff.partner', 'agreement.signOff.name', 'agreement.signOff.signature', 'agreement.signOff.date',
  'export.csv.kind.agreementSection', 'export.csv.kind.agreementAnswer',
] as const;

export type LabelKey = (typeof LABEL_KEYS)[number];

/** Looks up the words for a key and fills its `{name}` placeholders with plain text; renderers
 *  escape the result, so labels and user text are never trusted as markup. */
export type Labels = (key: LabelKey, params?: MessageParams) => string;
