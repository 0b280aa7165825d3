import type * as Y from 'yjs';
import { err, ok, type Result } from '../result';
import { fromBase64url, utf8 } from './encoding';
import { boundedCache } from './memo';
import { sealingKeys } from './roles';
import { seal, unseal } from './sealing';

/* What a participant writes for the facilitators' eyes only (a hidden note during a silent
 * brainstorm, a partner's red line) is sealed to every facilitator's key now, and to the
 * author's own if given, and written so that nothing in the update links it to its author.
 * One path for every such entry: each kind only says what its box holds and where it goes. */

export type SealError = 'bad-root' | 'bad-key';

/** A random 32-bit Yjs client id, as Yjs makes its own. */
const freshClientId = () => crypto.getRandomValues(new Uint32Array(1))[0]!;

/** Every entry in a Yjs update carries the id of the device that wrote it, and presence maps
 *  that id to a name. Writing the box as a one-off device leaves nothing that links it to its
 *  author. Yjs allows a document's client id to change (it does so itself on a clash). */
export function writeUnlinked(doc: Y.Doc, write: () => void, origin: unknown): void {
  const own = doc.clientID;
  doc.clientID = freshClientId();
  try {
    doc.transact(write, origin);
  } finally {
    doc.clientID = own;
  }
}

/** `contents` as JSON, sealed to the facilitators under `root` and to `authorKey` (the author
 *  device's own X25519 public key, so that it can show what it wrote after a reload). `context`
 *  binds the box to its place: a box copied elsewhere does not open. */
export function sealForFacilitators(
  doc: Y.Doc, root: string, contents: unknown, authorKey: string | undefined, context: string,
): Result<string, SealError> {
  const recipients = sealingKeys(doc, root);
  if (recipients.length === 0) return err('bad-root');
  if (authorKey !== undefined && fromBase64url(authorKey)?.length !== 32) return err('bad-key', authorKey);
  return ok(seal(utf8(JSON.stringify(contents)), authorKey ? [...recipients, authorKey] : recipients, context));
}

const opened = boundedCache<unknown>(2048);

/** A box's contents if `secret` opens it and `parse` accepts them (the author may run a modified
 *  client, so every kind checks what it reads as carefully as what is typed). Opening costs an
 *  X25519 operation and views ask at every change; boxes never change, so results are kept. */
export function openSealed<T>(box: string, secret: string, context: string, parse: (raw: unknown) => T | undefined): T | undefined {
  return opened(`${secret}\n${context}\n${box}`, () => {
    const plain = unseal(box, secret, context);
    if (!plain) return undefined;
    try {
      return parse(JSON.parse(new TextDecoder().decode(plain)));
    } catch {
      return undefined;
    }
  }) as T | undefined;
}
