import * as Y from 'yjs';
import { newId } from '../ids';
import { UNDO_CAPTURE_MS } from '../undo';
import { ok, type Result } from '../result';
import { checkText, type TextError } from '../text';

/* A series is a document of its own, beside the documents of its meetings (workshops): what
 * carries over from one meeting to the next lives here, so a participant invited only to a
 * later meeting receives it without receiving the earlier meetings' notes. */

export const seriesMetaOf = (doc: Y.Doc) => doc.getMap<unknown>('series');
export const meetingsOf = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>('meetings');
export const actionsOf = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>('actions');
export const decisionsOf = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>('decisions');
export const parkedOf = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>('parked');

export interface Meeting {
  /** The meeting's workshop id. */
  id: string;
  title: string;
  /** yyyy-mm-dd or empty. */
  startsAt: string;
  createdAt: number;
}

/** Where an action, decision or parked item came from: a note, proposal, stakeholder… on one
 *  board of one meeting, named by its text at the time (the meeting may not be on this device). */
export interface SourceRef {
  meeting: string;
  board: string;
  item: string;
  kind: string;
  label: string;
}

export const str = (v: unknown): string => (typeof v === 'string' ? v : '');
export const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

export function readSource(v: unknown): SourceRef | null {
  if (!v || typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  return { meeting: str(o.meeting), board: str(o.board), item: str(o.item), kind: str(o.kind), label: str(o.label) };
}

export function initSeries(doc: Y.Doc, rawTitle: string, origin: unknown): Result<void, TextError> {
  const title = checkText(rawTitle, 'title');
  if (!title.ok) return title;
  doc.transact(() => {
    const meta = seriesMetaOf(doc);
    meta.set('title', title.value);
    meta.set('createdAt', Date.now());
  }, origin);
  return ok(undefined);
}

export const seriesTitle = (doc: Y.Doc): string => str(seriesMetaOf(doc).get('title'));

/** Records a workshop as a meeting of the series (again: its title and date are refreshed). */
export function addMeeting(doc: Y.Doc, meeting: Omit<Meeting, 'createdAt'> & { createdAt?: number }, origin: unknown): void {
  doc.transact(() => {
    const meetings = meetingsOf(doc);
    let entry = meetings.get(meeting.id);
    if (!entry) {
      entry = new Y.Map<unknown>();
      entry.set('id', meeting.id);
      entry.set('createdAt', meeting.createdAt ?? Date.now());
      meetings.set(meeting.id, entry);
    }
    if (entry.get('title') !== meeting.title) entry.set('title', meeting.title);
    if (entry.get('startsAt') !== meeting.startsAt) entry.set('startsAt', meeting.startsAt);
  }, origin);
}

/** Meetings in the order they were made (ties by id, so every device agrees). */
export function listMeetings(doc: Y.Doc): Meeting[] {
  return [...meetingsOf(doc).values()]
    .map((m) => ({ id: str(m.get('id')), title: str(m.get('title')), startsAt: str(m.get('startsAt')), createdAt: num(m.get('createdAt')) }))
    .filter((m) => m.id)
    .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

/** The meetings before `meetingId` (all of them when it is not in the series). */
export function earlierMeetings(doc: Y.Doc, meetingId: string): Meeting[] {
  const all = listMeetings(doc);
  const at = all.findIndex((m) => m.id === meetingId);
  return at < 0 ? all : all.slice(0, at);
}

export const newEntry = (fields: Record<string, unknown>): { id: string; map: Y.Map<unknown> } => {
  const id = newId();
  const map = new Y.Map<unknown>();
  map.set('id', id);
  for (const [k, v] of Object.entries(fields)) map.set(k, v);
  return { id, map };
};

/** Undo and redo of one person's changes to the series' actions (made, edited, moved along), as
 *  on a board: only transactions with `origin` are tracked, so undo never takes back what another
 *  device wrote. A parked item's scheduling is not undone here: the agenda step made for it lives
 *  in the meeting's document. */
export const createActionsUndo = (doc: Y.Doc, origin: unknown, captureTimeout = UNDO_CAPTURE_MS): Y.UndoManager =>
  new Y.UndoManager(actionsOf(doc), { trackedOrigins: new Set([origin]), captureTimeout });
