import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { advanceStep, addStep, currentStep, listSteps, moveStep, removeStep, startStep, updateStep, type Step } from '../core/facilitation/agenda';
import { boardModes, setBoardLocked, startSilent, type BoardModes } from '../core/facilitation/board-modes';
import { boardSettings, DEFAULT_SETTINGS, setBoardSetting, type BoardSettings } from '../core/facilitation/board-settings';
import { endBreakouts, listBreakouts, startBreakouts, type BreakoutPlan } from '../core/facilitation/breakouts';
import type { Breakout } from '../core/breakout';
import { controlsOf, type Signer } from '../core/facilitation/controls';
import { bringEveryone, followTarget, type FollowTarget } from '../core/facilitation/follow';
import { focusTarget, setFocus } from '../core/facilitation/focus';
import type { FocusTarget } from '../core/focus-entry';
import { addHiddenNote, deleteHiddenNote, hiddenNoteCount, openHiddenNotes, revealBoard, sealedOf, type HiddenNote, type Reveal } from '../core/facilitation/hidden-notes';
import { facilitatorId, newFacilitatorKeys, type FacilitatorKeys } from '../core/facilitation/keys';
import { addRedLine, openRedLines, revealRedLines, withdrawRedLine, type RedLine, type RedLineReveal } from '../core/facilitation/red-lines';
import { answer, openSheets, ownerTag, sheetCount, type Answer, type Sheet } from '../core/health/sheets';
import { grantFacilitator, handOver, isFacilitator, listFacilitators, removeFacilitator, type Facilitator } from '../core/facilitation/roles';
import { rolesOf } from '../core/facilitation/roster';
import { guardRecords, type Witnessed } from '../core/facilitation/witness';
import { addTime, pauseTimer, startTimer, timeLeft, timerOf, type Timer } from '../core/facilitation/timer';
import { castDot, closeVote, myDots, openVote, removeDot, voteOf, voteResults, votesOf, type MyDots, type Vote, type VoteResults } from '../core/facilitation/votes';
import { participantsOf } from '../core/participants';
import { sealedRedLineCount } from '../core/risks';
import { err, type Result } from '../core/result';
import { boardMapOf, boardOrderOf } from '../core/schema';
import type { WorkshopSummary, WorkshopStore } from '../storage/workshop-store';
import { ClockSync } from './clock-sync.svelte';
import { outcome, type Outcome } from './outcome';
import { YView } from './y-view.svelte';

export type { Answer, Sheet };
export type { BoardModes, BoardSettings, Breakout, BreakoutPlan, Facilitator, FocusTarget, FollowTarget, HiddenNote, MyDots, RedLine, RedLineReveal, Reveal, Step, Timer, Vote, VoteResults };

/** A risks board's red lines still sealed: how many, and those this device opens (its own, or
 *  every one for a facilitator). */
export interface SealedRedLines {
  count: number;
  open: RedLine[];
}

/** A health check's answer sheets as this device opens them: its own; every one for a facilitator. */
export interface HealthSheets {
  count: number;
  mine: Sheet | undefined;
  /** Every sheet this device's key opens: all of them for a facilitator, else its own. */
  opened: Sheet[];
}

/** What every screen shows of the facilitation: who facilitates, the agenda and its timer, and
 *  where the facilitator has brought everyone. */
export interface FacilitationState {
  facilitators: Facilitator[];
  /** Whether this device's key holds the role now (not what its workshop row says). */
  amFacilitator: boolean;
  steps: Step[];
  current: Step | undefined;
  timer: Timer | undefined;
  follow: FollowTarget | undefined;
  /** The entry the facilitator has put on every screen. */
  focus: FocusTarget | undefined;
  /** Every breakout a facilitator signed, oldest first; the last running one is under way. */
  breakouts: Breakout[];
}

/** One board's facilitation: its modes, the notes waiting for a reveal, and its vote. */
export interface BoardFacilitation {
  modes: BoardModes;
  settings: BoardSettings;
  /** Whether this device's key holds the role now. */
  facilitating: boolean;
  hiddenCount: number;
  /** The hidden notes this device can open: its own, or every one for a facilitator. */
  hidden: HiddenNote[];
  vote: Vote | undefined;
  myDots: MyDots | undefined;
  /** Shown to facilitators while the vote is open, and to everyone once it is closed. */
  results: VoteResults | undefined;
  /** The board's own timer: a breakout table's. */
  timer: Timer | undefined;
}

/** A minute, as "add a minute" adds it. */
const MINUTE_MS = 60_000;

/** Keys and root of a workshop on this device, made the first time it is opened: the creator's
 *  device (a row with the facilitator role) becomes the workshop's root facilitator. */
export async function ensureKeys(store: WorkshopStore, row: WorkshopSummary): Promise<{ keys: FacilitatorKeys; root: string | null }> {
  const keys = row.keys ?? newFacilitatorKeys();
  const root = row.root ?? (row.role === 'facilitator' ? facilitatorId(keys) : null);
  if (keys !== row.keys || root !== (row.root ?? null)) await store.setSummary(row.id, { keys, ...(root ? { root } : {}) });
  return { keys, root };
}

/** The facilitation of one open workshop: reactive views, and the changes a facilitator signs.
 *  Loaded with the workshop (it brings the cryptography), never with the home screen. */
export class Facilitation {
  /** This device's facilitator id: what a facilitator grants the role to. */
  readonly myId: string;
  readonly state: YView<FacilitationState>;
  readonly clock: ClockSync | null;
  readonly #signer: Signer | null;
  readonly #unguard: () => void;

  constructor(
    private readonly doc: Y.Doc,
    readonly root: string | null,
    private readonly keys: FacilitatorKeys,
    awareness: Awareness,
    private readonly origin: unknown,
    /** The origin of a reveal's writes, which no undo tracks. */
    private readonly untrackedOrigin: unknown = { reveal: true },
    records?: { kept?: Witnessed; keep: (witnessed: Witnessed) => void },
  ) {
    this.myId = facilitatorId(keys);
    this.#signer = root ? { root, keys } : null;
    this.state = new YView([rolesOf(doc), controlsOf(doc), boardOrderOf(doc)], () => this.#read());
    // Anyone may grant this device the role: it tells the room its public keys.
    awareness.setLocalStateField('key', this.myId);
    this.clock = root ? new ClockSync(doc, root, awareness, () => this.signer) : null;
    this.#unguard = root ? guardRecords(doc, root, origin, records?.kept, records?.keep) : () => {};
  }

  #read(): FacilitationState {
    const root = this.root;
    if (!root) return { facilitators: [], amFacilitator: false, steps: [], current: undefined, timer: undefined, follow: undefined, focus: undefined, breakouts: [] };
    return {
      facilitators: listFacilitators(this.doc, root),
      amFacilitator: isFacilitator(this.doc, root, { key: this.myId }),
      steps: listSteps(this.doc, root),
      current: currentStep(this.doc, root),
      timer: timerOf(this.doc, root),
      follow: followTarget(this.doc, root),
      focus: focusTarget(this.doc, root),
      breakouts: listBreakouts(this.doc, root),
    };
  }

  /** The signer while this device is a facilitator; null otherwise. */
  get signer(): Signer | null {
    return this.#signer && isFacilitator(this.doc, this.#signer.root, { key: this.myId }) ? this.#signer : null;
  }

  /** Makes sure the roster names this device's participant, once its key holds the role: the
   *  creator's device does so on first open, a new co-facilitator's when granted. */
  nameMyself(who: { participantId: string; name: string }): void {
    const signer = this.signer;
    if (!signer || !who.name.trim()) return;
    const me = listFacilitators(this.doc, signer.root).find((f) => f.id === this.myId);
    if (me && (me.participantId !== who.participantId || me.name !== who.name)) grantFacilitator(this.doc, signer, this.myId, who, this.origin);
  }

  /** The board's facilitation as `participantId` (this device's participant) sees it. */
  boardView(boardId: string, participantId: string): YView<BoardFacilitation> {
    const types = [controlsOf(this.doc), rolesOf(this.doc), sealedOf(this.doc), votesOf(this.doc), participantsOf(this.doc), boardMapOf(this.doc, boardId)];
    return new YView(types, () => this.#readBoard(boardId, participantId));
  }

  #readBoard(boardId: string, participantId: string): BoardFacilitation {
    const root = this.root;
    if (!root) return { modes: { locked: false, silent: false }, settings: DEFAULT_SETTINGS, facilitating: false, hiddenCount: 0, hidden: [], vote: undefined, myDots: undefined, results: undefined, timer: undefined };
    const vote = voteOf(this.doc, root, boardId);
    const facilitating = isFacilitator(this.doc, root, { key: this.myId });
    return {
      modes: boardModes(this.doc, root, boardId),
      settings: boardSettings(this.doc, root, boardId),
      facilitating,
      hiddenCount: hiddenNoteCount(this.doc, boardId),
      hidden: openHiddenNotes(this.doc, boardId, this.keys.sealing.secret),
      vote,
      myDots: vote?.open ? myDots(this.doc, root, boardId, participantId) : undefined,
      results: vote && (facilitating || !vote.open) ? voteResults(this.doc, root, boardId) : undefined,
      timer: timerOf(this.doc, root, boardId),
    };
  }

  /** Time left on the shared timer as this device shows it; re-renders as it runs. */
  timeLeft(timer: Timer): number | undefined {
    if (!this.clock) return timer.remainingMs;
    // Until the clock of whoever set a running timer is known, a phone minutes off would show a
    // time minutes wrong: show none for those few seconds instead.
    if (timer.running && timer.clock !== this.keys.signing.public && !this.clock.knows(timer.clock)) return undefined;
    return timeLeft(timer, this.clock.local);
  }

  #signed(write: (signer: Signer) => Result<unknown>): Outcome {
    const signer = this.signer;
    return outcome(signer ? write(signer) : err('not-facilitator'));
  }

  // Board modes
  setLocked(boardId: string, locked: boolean): Outcome {
    return this.#signed((s) => setBoardLocked(this.doc, s, boardId, locked, this.origin));
  }
  startSilent(boardId: string): Outcome {
    return this.#signed((s) => startSilent(this.doc, s, boardId, this.origin));
  }
  setSetting<K extends keyof BoardSettings>(boardId: string, setting: K, value: BoardSettings[K]): Outcome {
    return this.#signed((s) => setBoardSetting(this.doc, s, boardId, setting, value, this.origin));
  }
  /** Publishes the hidden notes this device opens; the counts say how many, and how many it
   *  could not open. Not under this device's origin: its undo would take everyone's notes off
   *  the board, and their boxes are gone. */
  reveal(boardId: string): Result<Reveal> {
    const signer = this.signer;
    return signer ? revealBoard(this.doc, signer, boardId, this.untrackedOrigin) : err('not-facilitator');
  }

  isSilent(boardId: string): boolean {
    return !!this.root && boardModes(this.doc, this.root, boardId).silent;
  }

  /** Adds a note to a silent board, sealed to the facilitators and to this device. */
  addHiddenNote(boardId: string, fields: { text: string; createdBy: string; group: string; lane?: string }): Outcome {
    if (!this.root) return outcome(err('bad-root'));
    return outcome(addHiddenNote(this.doc, this.root, boardId, { ...fields, authorKey: this.keys.sealing.public }, this.origin));
  }
  deleteHiddenNote(boardId: string, noteId: string): Outcome {
    return outcome(deleteHiddenNote(this.doc, boardId, noteId, this.origin));
  }

  // Red lines
  sealedRedLines(boardId: string): YView<SealedRedLines> {
    return new YView([boardMapOf(this.doc, boardId), rolesOf(this.doc)], () => ({
      count: sealedRedLineCount(this.doc, boardId),
      open: openRedLines(this.doc, boardId, this.keys.sealing.secret),
    }));
  }
  /** Seals `partner`'s red line to the facilitators and to this device. */
  addRedLine(boardId: string, fields: { partner: string; text: string }): Outcome {
    if (!this.root) return outcome(err('bad-root'));
    return outcome(addRedLine(this.doc, this.root, boardId, { ...fields, authorKey: this.keys.sealing.public }, this.origin));
  }
  withdrawRedLine(boardId: string, id: string): Outcome {
    return outcome(withdrawRedLine(this.doc, boardId, id, this.origin));
  }
  /** Publishes the red lines this facilitator's key opens. Not under this device's origin, as a
   *  reveal of hidden notes: its undo would take the partners' red lines off the board. */
  revealRedLines(boardId: string): Result<RedLineReveal> {
    return this.signer ? revealRedLines(this.doc, boardId, this.keys.sealing.secret, this.untrackedOrigin) : err('not-facilitator');
  }

  // Health check
  healthSheets(boardId: string): YView<HealthSheets> {
    return new YView([boardMapOf(this.doc, boardId), rolesOf(this.doc)], () => {
      const { secret } = this.keys.sealing;
      const opened = openSheets(this.doc, boardId, secret);
      return { count: sheetCount(this.doc, boardId), mine: opened.find((s) => s.owner === ownerTag(boardId, secret)), opened };
    });
  }
  /** Seals this device's answers to the facilitators (and to itself), as a one-off Yjs client. */
  answerHealth(boardId: string, group: string, changes: Record<string, Answer | null>): Outcome {
    if (!this.root) return outcome(err('bad-root'));
    return outcome(answer(this.doc, this.root, boardId, { group, changes }, this.keys.sealing, this.origin));
  }

  // Agenda and timer
  addStep(fields: { boardId: string; title?: string; minutes: number }): Outcome {
    return this.#signed((s) => addStep(this.doc, s, fields, this.origin));
  }
  updateStep(stepId: string, changes: { boardId?: string; title?: string; minutes?: number }): Outcome {
    return this.#signed((s) => updateStep(this.doc, s, stepId, changes, this.origin));
  }
  moveStep(stepId: string, toIndex: number): Outcome {
    return this.#signed((s) => moveStep(this.doc, s, stepId, toIndex, this.origin));
  }
  removeStep(stepId: string): Outcome {
    return this.#signed((s) => removeStep(this.doc, s, stepId, this.origin));
  }
  startStep(stepId: string): Outcome {
    return this.#signed((s) => startStep(this.doc, s, stepId, Date.now(), this.origin));
  }
  nextStep(): Outcome {
    return this.#signed((s) => advanceStep(this.doc, s, Date.now(), this.origin));
  }
  /** The agenda's timer, or (`target`, a board id) a breakout table's. */
  startTimer(target = ''): Outcome {
    return this.#signed((s) => startTimer(this.doc, s, this.#clockNow(), this.origin, target));
  }
  pauseTimer(target = ''): Outcome {
    return this.#signed((s) => pauseTimer(this.doc, s, this.#clockNow(), this.origin, target));
  }
  addMinute(target = ''): Outcome {
    return this.#signed((s) => addTime(this.doc, s, MINUTE_MS, this.#clockNow(), this.origin, target));
  }
  #clockNow() {
    return { now: Date.now(), offsets: this.clock?.offsets ?? new Map<string, number>() };
  }

  bringEveryone(boardId: string): Outcome {
    return this.#signed((s) => bringEveryone(this.doc, s, boardId, this.origin));
  }

  // Breakouts
  /** Splits the room into tables, each on its own copy of the board; the table timers run in
   *  this facilitator's clock. */
  startBreakouts(plan: BreakoutPlan): Result<string> {
    const signer = this.signer;
    return signer ? startBreakouts(this.doc, signer, plan, this.#clockNow().now, this.origin) : err('not-facilitator');
  }
  /** Brings everyone back to the plenary, on the source board. */
  endBreakouts(id: string): Outcome {
    return this.#signed((s) => endBreakouts(this.doc, s, id, this.origin));
  }

  /** Puts one entry on every screen, or (null) brings everyone back to the board. */
  focus(target: { boardId: string; entryId: string } | null): Outcome {
    return this.#signed((s) => setFocus(this.doc, s, target, this.origin));
  }

  // Votes
  openVote(boardId: string, dots: number): Outcome {
    return this.#signed((s) => openVote(this.doc, s, boardId, dots, this.origin));
  }
  closeVote(boardId: string): Outcome {
    return this.#signed((s) => closeVote(this.doc, s, boardId, this.origin));
  }
  castDot(boardId: string, participantId: string, noteId: string): Outcome {
    return this.root ? outcome(castDot(this.doc, this.root, boardId, participantId, noteId, this.origin)) : outcome(err('bad-root'));
  }
  removeDot(boardId: string, participantId: string, noteId: string): Outcome {
    return this.root ? outcome(removeDot(this.doc, this.root, boardId, participantId, noteId, this.origin)) : outcome(err('bad-root'));
  }

  // Roles
  grant(subjectId: string, who: { participantId: string; name: string }): Outcome {
    return this.#signed((s) => grantFacilitator(this.doc, s, subjectId, who, this.origin));
  }
  handOver(subjectId: string, who: { participantId: string; name: string }): Outcome {
    return this.#signed((s) => handOver(this.doc, s, subjectId, who, this.origin));
  }
  removeFacilitator(subjectId: string): Outcome {
    return this.#signed((s) => removeFacilitator(this.doc, s, subjectId, this.origin));
  }

  destroy(): void {
    this.clock?.destroy();
    this.#unguard();
  }
}
