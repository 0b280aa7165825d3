import { getContext, setContext } from 'svelte';
import type { NoteResult } from '../core/facilitation/votes';
import type { Result } from '../core/result';
import type { BoardFacilitation, BoardSettings, HiddenNote, Reveal } from './facilitation.svelte';
import { mayChange, shownAuthor } from '../core/room-rules';
import type { Outcome } from './outcome';
import { differing } from '../core/facilitation/differing';
import type { WorkshopSession } from './workshop-session.svelte';
import type { YView } from './y-view.svelte';

/** One board's facilitation on this device: its view, and its actions bound to the board and
 *  to this device's participant. The workshop screen makes one per open board and hands it down
 *  by context, so a note card deep in a SWOT quadrant shows its dots without every level in
 *  between passing them on. Only types come from the facilitation module: importing it would
 *  pull its cryptography into the first load. */
export class BoardControl {
  readonly view: YView<BoardFacilitation>;
  readonly participantId: string;
  /** Each note's result, for the cards: a board of 2,000 notes must not search a list per card. */
  readonly #results = $derived(new Map((this.current.results?.notes ?? []).map((n) => [n.noteId, n])));
  readonly #differing = $derived(differing(this.current.results?.notes ?? []));

  constructor(private readonly session: WorkshopSession, readonly boardId: string) {
    this.participantId = session.participantId;
    this.view = session.facilitation.boardView(boardId, this.participantId);
  }

  get current(): BoardFacilitation {
    return this.view.current;
  }

  /** Whether this device may place dots now (a document from a newer app is read-only). */
  get canVote(): boolean {
    return !this.session.newerSchema && !!this.current.vote?.open;
  }

  /** Whether note cards show dots: the person's own while voting, totals where results show. */
  get showsDots(): boolean {
    return this.canVote || !!this.current.results;
  }

  resultOf(noteId: string): (NoteResult & { differs: boolean }) | undefined {
    const result = this.#results.get(noteId);
    return result && { ...result, differs: this.#differing.has(noteId) };
  }

  /** The hidden notes this device opens, in `lane` (a SWOT quadrant) or all of them. */
  hiddenIn(lane?: string): HiddenNote[] {
    return this.current.hidden.filter((n) => lane === undefined || n.lane === lane);
  }

  /** Hidden notes this device cannot open. What a facilitator's device cannot open was sealed
   *  before its key held the role (or is damaged): a reveal from here leaves it hidden. */
  get unreadable(): number {
    return this.current.hiddenCount - this.current.hidden.length;
  }

  /** Whether this device's person may edit or delete an entry written by `authorId`. */
  mayChange(authorId: string): boolean {
    const { facilitating, settings } = this.current;
    return mayChange(authorId, { participantId: this.participantId, facilitating }, settings.editing);
  }

  /** What the board's anonymity setting lets this screen show of an author and their group. */
  shown<P, G>(author: P | undefined, group: G | undefined): { author: P | undefined; group: G | undefined } {
    return shownAuthor(this.current.settings.anonymity, author, group);
  }

  focus(entryId: string): Outcome {
    return this.session.facilitation.focus({ boardId: this.boardId, entryId });
  }
  setSetting<K extends keyof BoardSettings>(setting: K, value: BoardSettings[K]): Outcome {
    return this.session.facilitation.setSetting(this.boardId, setting, value);
  }
  setLocked(locked: boolean): Outcome {
    return this.session.facilitation.setLocked(this.boardId, locked);
  }
  startSilent(): Outcome {
    return this.session.facilitation.startSilent(this.boardId);
  }
  reveal(): Result<Reveal> {
    return this.session.facilitation.reveal(this.boardId);
  }
  deleteHiddenNote(noteId: string): Outcome {
    return this.session.facilitation.deleteHiddenNote(this.boardId, noteId);
  }
  openVote(dots: number): Outcome {
    return this.session.facilitation.openVote(this.boardId, dots);
  }
  closeVote(): Outcome {
    return this.session.facilitation.closeVote(this.boardId);
  }
  castDot(noteId: string): Outcome {
    return this.session.facilitation.castDot(this.boardId, this.participantId, noteId);
  }
  removeDot(noteId: string): Outcome {
    return this.session.facilitation.removeDot(this.boardId, this.participantId, noteId);
  }
}

const KEY = Symbol('board-control');

/** Call while the workshop screen initialises; `get` answers with the open board's control. */
export const provideBoardControl = (get: () => BoardControl | undefined): void => {
  setContext(KEY, get);
};

/** The open board's control; call while a board's component initialises (boards are remade
 *  when another one opens). */
export const useBoardControl = (): BoardControl | undefined => getContext<(() => BoardControl | undefined) | undefined>(KEY)?.();
