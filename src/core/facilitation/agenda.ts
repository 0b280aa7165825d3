import type * as Y from 'yjs';
import { newId } from '../ids';
import { byOrder, isSlot, keyAfter, keyAt, orderKey } from '../order';
import { err, ok, type Result } from '../result';
import { liveBoard } from '../schema';
import { checkText, type TextError } from '../text';
import { winner, winners, writeChanges, type Change, type ControlError, type Signer } from './controls';
import type { Json } from './encoding';
import { followChange } from './follow';
import { timerChange } from './timer';

/** A step of the agenda: a board and a timebox. Each step is its own signed record, so two
 *  facilitators adding steps at once both keep theirs. */
export interface Step {
  id: string;
  boardId: string;
  /** '' shows the board's title. */
  title: string;
  minutes: number;
  order: string;
}

export type AgendaError = ControlError | TextError | 'no-board' | 'no-step' | 'bad-timebox' | 'bad-index' | 'last-step';

export const MAX_TIMEBOX_MINUTES = 480;

type StepFields = Omit<Step, 'id'>;

/** Steps signed by version 1 carry a numeric order; a signed record cannot be migrated, so it is
 *  read as a key where the step is listed. */
function parseStep(value: Json): (Omit<StepFields, 'order'> & { order: string | number }) | null | undefined {
  if (value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value)) return undefined;
  const { boardId, title, minutes, order } = value;
  if (typeof boardId !== 'string' || typeof title !== 'string' || typeof minutes !== 'number') return undefined;
  return typeof order === 'string' || typeof order === 'number' ? { boardId, title, minutes, order } : undefined;
}

const stepChange = (id: string, fields: StepFields | null): Change => ({ kind: 'step', target: id, value: fields && { ...fields } });

/** The agenda in order; steps whose board was deleted are left out. */
export function listSteps(doc: Y.Doc, root: string): Step[] {
  return [...winners(doc, root, 'step', parseStep)]
    .flatMap(([id, { value }]) => (value && liveBoard(doc, value.boardId) ? [{ id, ...value, order: orderKey(value.order, [id]) }] : []))
    .sort(byOrder);
}

function checkStep(doc: Y.Doc, fields: { boardId: string; title: string; minutes: number }): Result<Omit<StepFields, 'order'>, AgendaError> {
  if (!liveBoard(doc, fields.boardId)) return err('no-board', fields.boardId);
  if (!Number.isInteger(fields.minutes) || fields.minutes < 1 || fields.minutes > MAX_TIMEBOX_MINUTES) return err('bad-timebox', String(fields.minutes));
  const title = checkText(fields.title, 'title', { optional: true });
  return title.ok ? ok({ boardId: fields.boardId, title: title.value, minutes: fields.minutes }) : title;
}

export function addStep(
  doc: Y.Doc, signer: Signer, fields: { boardId: string; title?: string; minutes: number }, origin: unknown,
): Result<string, AgendaError> {
  const checked = checkStep(doc, { ...fields, title: fields.title ?? '' });
  if (!checked.ok) return checked;
  const id = newId();
  const written = writeChanges(doc, signer, [stepChange(id, { ...checked.value, order: keyAfter(listSteps(doc, signer.root)) })], origin);
  return written.ok ? ok(id) : written;
}

export function updateStep(
  doc: Y.Doc, signer: Signer, stepId: string, changes: { boardId?: string; title?: string; minutes?: number }, origin: unknown,
): Result<void, AgendaError> {
  const step = listSteps(doc, signer.root).find((s) => s.id === stepId);
  if (!step) return err('no-step', stepId);
  const checked = checkStep(doc, { ...step, ...changes });
  if (!checked.ok) return checked;
  return writeChanges(doc, signer, [stepChange(stepId, { ...checked.value, order: step.order })], origin);
}

/** Moves a step to slot `toIndex` of the agenda, rewriting only its own record. */
export function moveStep(doc: Y.Doc, signer: Signer, stepId: string, toIndex: number, origin: unknown): Result<void, AgendaError> {
  const steps = listSteps(doc, signer.root);
  const step = steps.find((s) => s.id === stepId);
  if (!step) return err('no-step', stepId);
  const others = steps.filter((s) => s.id !== stepId);
  if (!isSlot(toIndex, others.length)) return err('bad-index', String(toIndex));
  const { id: _, ...fields } = step;
  return writeChanges(doc, signer, [stepChange(stepId, { ...fields, order: keyAt(others, toIndex) })], origin);
}

export function removeStep(doc: Y.Doc, signer: Signer, stepId: string, origin: unknown): Result<void, AgendaError> {
  if (!listSteps(doc, signer.root).some((s) => s.id === stepId)) return err('no-step', stepId);
  return writeChanges(doc, signer, [stepChange(stepId, null)], origin);
}

const parseCurrent = (value: Json) => (typeof value === 'string' ? value : undefined);

/** The step under way, as every participant sees it; undefined before the first start or
 *  when that step has been removed. */
export function currentStep(doc: Y.Doc, root: string): Step | undefined {
  const id = winner(doc, root, 'current', '', parseCurrent)?.value;
  return listSteps(doc, root).find((s) => s.id === id);
}

/** Starts a step: it becomes current, its timebox runs on the shared timer, and everyone is
 *  brought to its board, in one transaction. `now` is this device's clock. */
export function startStep(doc: Y.Doc, signer: Signer, stepId: string, now: number, origin: unknown): Result<void, AgendaError> {
  const step = listSteps(doc, signer.root).find((s) => s.id === stepId);
  if (!step) return err('no-step', stepId);
  return writeChanges(doc, signer, [
    { kind: 'current', target: '', value: stepId },
    timerChange(step.minutes * 60_000, true, now),
    followChange(step.boardId),
  ], origin);
}

/** Starts the step after the current one (the first, before any has started). */
export function advanceStep(doc: Y.Doc, signer: Signer, now: number, origin: unknown): Result<string, AgendaError> {
  const steps = listSteps(doc, signer.root);
  const current = currentStep(doc, signer.root);
  const next = steps[current ? steps.findIndex((s) => s.id === current.id) + 1 : 0];
  if (!next) return err('last-step');
  const started = startStep(doc, signer, next.id, now, origin);
  return started.ok ? ok(next.id) : started;
}

/** Copies the agenda of `source` (as its root's facilitators made it) into `target`, signed by
 *  `signer`, each step on the copy of its board (`boards`: source board id to copy's id). A
 *  template keeps the plan of the session, not who planned it. */
export function copyAgenda(
  source: Y.Doc, sourceRoot: string, target: Y.Doc, signer: Signer, boards: ReadonlyMap<string, string>, origin: unknown,
): Result<void, AgendaError> {
  for (const step of listSteps(source, sourceRoot)) {
    const boardId = boards.get(step.boardId);
    if (!boardId) continue;
    const added = addStep(target, signer, { boardId, title: step.title, minutes: step.minutes }, origin);
    if (!added.ok) return added;
  }
  return ok(undefined);
}
