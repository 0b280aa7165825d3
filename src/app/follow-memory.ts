import { shouldFollow, type FollowTarget } from '../core/facilitation/follow-rule';

const keyOf = (workshopId: string) => `cg.followed.${workshopId}`;

type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>;

/** The last call to follow the facilitator that this device obeyed, kept per workshop across
 *  reloads: a participant who wandered off and reloads stays where they are until the next call. */
export class FollowMemory {
  #last: number;

  constructor(private readonly workshopId: string, private readonly storage: KeyValueStore = localStorage) {
    this.#last = Number(storage.getItem(keyOf(workshopId))) || 0;
  }

  /** The board to go to when `target` is a call this device has not followed yet; from then on
   *  it counts as followed. */
  take(target: FollowTarget | undefined): string | undefined {
    if (!shouldFollow(target, this.#last)) return undefined;
    this.#last = target.seq;
    this.storage.setItem(keyOf(this.workshopId), String(target.seq));
    return target.boardId;
  }
}
