/* The rules a board's settings set for the room, kept apart from the signed records that hold the
 * settings (facilitation/board-settings.ts): the screens apply them, and must not bring the
 * cryptography into the first load. */

/** What other people's screens show of an author: name and group, the group only, or nothing
 *  but the text. */
export const ANONYMITY = ['names', 'group', 'none'] as const;
export type Anonymity = (typeof ANONYMITY)[number];

export const isAnonymity = (value: unknown): value is Anonymity => (ANONYMITY as readonly unknown[]).includes(value);

/** Who may change an entry on a board: its author, or anyone while the board is open to
 *  editing (a shared draft); facilitators always. */
export type Editing = 'own' | 'everyone';

export interface Viewer {
  participantId: string;
  facilitating: boolean;
}

/** Whether `viewer` may edit or delete an entry written by `authorId`. Honoured by the app,
 *  not enforced: every device holds the whole document and the CRDT cannot refuse a write. */
export const mayChange = (authorId: string, viewer: Viewer, editing: Editing): boolean =>
  viewer.facilitating || editing === 'everyone' || (!!authorId && authorId === viewer.participantId);

/** What a screen shows of an entry's author under `anonymity`: the author's own entries and a
 *  facilitator's view are shown like anyone's, since the projector is a facilitator's screen. */
export function shownAuthor<P, G>(anonymity: Anonymity, author: P | undefined, group: G | undefined): { author: P | undefined; group: G | undefined } {
  if (anonymity === 'none') return { author: undefined, group: undefined };
  if (anonymity === 'group') return { author: undefined, group };
  return { author, group };
}
