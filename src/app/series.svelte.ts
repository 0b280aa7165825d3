import type * as Y from 'yjs';
import { getMeta } from '../core/meta';
import { metaOf } from '../core/schema';
import { addAction, listActions, updateAction, type Action, type ActionChanges, type ActionError, type Owner } from '../core/series/actions';
import { addMeeting, createActionsUndo, earlierMeetings, listMeetings, seriesTitle, type Meeting, type SourceRef } from '../core/series/doc';
import { getSeriesLink, type SeriesLink } from '../core/series/link';
import { scheduleOnAgenda } from '../core/series/agenda';
import { listDecisions, listParked, markDecided, park, type Decision, type OutcomeError, type Parked } from '../core/series/outcomes';
import type { BoardError } from '../core/boards';
import type { AgendaError } from '../core/facilitation/agenda';
import type { Signer } from '../core/facilitation/controls';
import type { Result } from '../core/result';
import type { TextError } from '../core/text';
import type { Role } from '../storage/db';
import type { WorkshopSync } from '../sync/connection';
import type { Transports } from '../sync/transports';
import { lazy } from '../core/lazy';
import { BUILD_SIGNALING, ICE_SERVERS } from './sync-config';
import type { SessionServices } from './workshop-session.svelte';
import { DocView } from './y-view.svelte';

/** The meeting a series is opened from. */
export interface MeetingContext {
  id: string;
  doc: Y.Doc;
  title: string;
  startsAt: string;
}

/** The series row this device keeps for a link, made on first sight. The first series a
 *  workshop row names stays: a document rewritten later to name another series is not followed. */
export async function seriesRowFor(services: Pick<SessionServices, 'store'>, workshopId: string, link: SeriesLink | null): Promise<{ id: string; secret: string; role: Role; hub: string | null } | null> {
  const workshop = await services.store.get(workshopId);
  if (!workshop) return null;
  const id = workshop.series ?? link?.id;
  if (!id) return null;
  let row = await services.store.get(id);
  if (!row && link && link.id === id) {
    await services.store.create({ id, title: '', role: 'participant', kind: 'series', secret: link.secret, hub: workshop.hub ?? null }, () => {});
    row = await services.store.get(id);
  }
  if (!row?.secret || row.kind !== 'series') return null;
  if (workshop.series !== id) await services.store.setSummary(workshopId, { series: id });
  return { id, secret: row.secret, role: row.role, hub: workshop.hub ?? row.hub ?? null };
}

/** The series of the open meeting: its own document and sync (the series' room, like a
 *  workshop's), the views its panels read, and the changes they make. */
export class SeriesSession {
  readonly title: DocView<string>;
  readonly meetings: DocView<Meeting[]>;
  readonly actions: DocView<Action[]>;
  readonly decisions: DocView<Decision[]>;
  readonly parked: DocView<Parked[]>;
  /** Undo and redo of this device's changes to actions, for the boards that show them. */
  readonly undo: Y.UndoManager;

  private constructor(
    readonly id: string,
    readonly doc: Y.Doc,
    readonly meeting: MeetingContext,
    readonly role: Role,
    /** The series' invite: what a meeting's invite carries so a newcomer syncs the series too. */
    readonly link: SeriesLink,
    /** This device's writes to the series: the series' sync shares only these as its own. */
    readonly origin: object,
    private readonly services: SessionServices,
    private readonly sync: WorkshopSync,
    private readonly release: () => void,
  ) {
    this.title = new DocView(doc, () => seriesTitle(doc));
    this.meetings = new DocView(doc, () => listMeetings(doc));
    this.actions = new DocView(doc, () => listActions(doc));
    this.decisions = new DocView(doc, () => listDecisions(doc));
    this.parked = new DocView(doc, () => listParked(doc));
    this.undo = createActionsUndo(doc, origin);
  }

  /** Opens the series the meeting's workshop names, or resolves undefined when it names none. */
  static async open(services: SessionServices, meeting: MeetingContext, transports?: Transports): Promise<SeriesSession | undefined> {
    const row = await seriesRowFor(services, meeting.id, getSeriesLink(meeting.doc));
    if (!row) return undefined;
    const opened = await services.store.open(row.id);
    if (!opened) return undefined;
    const { WorkshopSync: Sync } = await lazy(() => import('../sync/connection'));
    const origin = { local: true, series: true };
    const { relay, peers } = services.transports;
    const sync = new Sync(opened.doc, {
      workshopId: row.id, secret: row.secret, hub: row.hub, register: row.role === 'facilitator',
      signaling: BUILD_SIGNALING, relay, peers, iceServers: ICE_SERVERS, own: (o) => o === origin, transports,
    });
    const title = seriesTitle(opened.doc);
    if (title) void services.store.setSummary(row.id, { title }).catch(() => {});
    const session = new SeriesSession(row.id, opened.doc, meeting, row.role, { id: row.id, secret: row.secret }, origin, services, sync, opened.close);
    if (meeting.title) addMeeting(opened.doc, { id: meeting.id, title: meeting.title, startsAt: meeting.startsAt }, origin);
    return session;
  }

  close(): void {
    this.undo.destroy();
    this.sync.destroy();
    this.release();
  }

  get #ctx() {
    return { meeting: this.meeting.id, by: this.services.profile.participantId };
  }

  /** The meetings before this one: a meeting with any starts with *Since last time*. */
  get earlier(): Meeting[] {
    return earlierMeetings(this.doc, this.meeting.id);
  }

  /** Each change a person makes to an action is one undo step, however quickly the next follows. */
  #step<T>(write: () => T): T {
    this.undo.stopCapturing();
    return write();
  }

  addAction(fields: { text: string; owner?: Owner | null; due?: string; source?: SourceRef | null }): Result<string, ActionError> {
    return this.#step(() => addAction(this.doc, fields, this.#ctx, this.origin));
  }

  updateAction(id: string, changes: ActionChanges): Result<void, ActionError> {
    return this.#step(() => updateAction(this.doc, id, changes, this.#ctx, this.origin));
  }

  decide(text: string, source: SourceRef | null): Result<string, TextError> {
    return markDecided(this.doc, { text, source, ...this.#ctx }, this.origin);
  }

  park(text: string, source: SourceRef | null): Result<string, TextError> {
    return park(this.doc, { text, source, ...this.#ctx }, this.origin);
  }

  /** Takes a parked item up on this meeting's agenda as a timed step (a facilitator's signer
   *  and the meeting's origin write it); returns the board made for it. */
  schedule(parkedId: string, facilitator: { signer: Signer; origin: unknown }): Result<string, AgendaError | BoardError | OutcomeError> {
    return scheduleOnAgenda({ id: this.meeting.id, doc: this.meeting.doc, ...facilitator }, { doc: this.doc, origin: this.origin }, parkedId);
  }
}

/** Opens the meeting's series as soon as the workshop names one (at once, or when a
 *  facilitator starts a series while this device is in the meeting) and closes it with the
 *  workshop; `onSeries` hears each change. */
export function followSeries(
  services: SessionServices, meeting: { id: string; doc: Y.Doc }, onSeries: (series: SeriesSession | undefined) => void,
): () => void {
  let current: SeriesSession | undefined;
  let opening = false;
  let closed = false;
  const attempt = async (): Promise<void> => {
    if (current || opening || closed) return;
    opening = true;
    const meta = getMeta(meeting.doc);
    const opened = await SeriesSession.open(services, { ...meeting, title: meta.title, startsAt: meta.startsAt }).catch(() => undefined);
    opening = false;
    if (closed) opened?.close();
    else if (opened) onSeries((current = opened));
    // The link may have arrived while this attempt found none.
    else if (getSeriesLink(meeting.doc)) setTimeout(() => void attempt(), 200);
  };
  const meta = metaOf(meeting.doc);
  const onMeta = (event: Y.YMapEvent<unknown>) => { if (event.keysChanged.has('series')) void attempt(); };
  meta.observe(onMeta);
  void attempt();
  return () => {
    closed = true;
    meta.unobserve(onMeta);
    current?.close();
    onSeries(undefined);
  };
}
