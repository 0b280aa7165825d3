import type * as Y from 'yjs';
import { newEntry, textOf } from '../entries';
import { listGroups } from '../groups';
import { newId } from '../ids';
import { keyAfter } from '../order';
import { err, ok, type Result } from '../result';
import { removeEntry } from '../remove-entry';
import { boxesOf, checkRedLine, redLinesRevealedOf, sealedRedLinesOf, type RedLine, type RiskError } from '../risks';
import type { TextError } from '../text';
import { openSealed, sealForFacilitators, writeUnlinked, type SealError } from './sealed-boxes';

export type { RedLine };

/* Red lines: each partner's non-negotiables (seed 000 L179; seed 004 L62, "maximum compromise or
 * concessions possible"). A partner's red line is said to the facilitators first and to the room
 * when the facilitator reveals it, so until then it is sealed exactly as a hidden note is (see
 * ./sealed-boxes.ts): another participant's copy of the workshop holds neither its text, nor its
 * partner, nor anything linking it to its author. The facilitator's reveal publishes every red
 * line it can open, with its partner, in the risks board's `redLines` (read in ../risks.ts). */

export type RedLineError = TextError | SealError | RiskError | 'no-partner';

const context = (boardId: string, id: string) => `common-ground/red-line/1\n${boardId}\n${id}`;

/** Seals `partner`'s red line to the facilitators under `root` and to `authorKey` (the author
 *  device's own X25519 public key, so that it still shows its red lines after a reload). */
export function addRedLine(
  doc: Y.Doc, root: string, boardId: string, fields: { partner: string; text: string; authorKey?: string }, origin: unknown,
): Result<string, RedLineError> {
  const text = checkRedLine(fields.text);
  if (!text.ok) return text;
  const sealed = sealedRedLinesOf(doc, boardId);
  if (!sealed) return err('no-board', boardId);
  if (!listGroups(doc).some((g) => g.id === fields.partner)) return err('no-partner', fields.partner);
  const line: RedLine = { id: newId(), partner: fields.partner, text: text.value, createdAt: Date.now() };
  const box = sealForFacilitators(doc, root, line, fields.authorKey, context(boardId, line.id));
  if (!box.ok) return box;
  writeUnlinked(doc, () => sealed.set(line.id, { box: box.value }), origin);
  return ok(line.id);
}

/** Its author can take a sealed red line back before the reveal. */
export function withdrawRedLine(doc: Y.Doc, boardId: string, id: string, origin: unknown): Result<void, RedLineError> {
  return removeEntry(doc, sealedRedLinesOf(doc, boardId), { boardId, id }, 'no-red-line', origin);
}

/** A box's contents, checked as any red line typed here; its id must be the entry's own. */
function parseRedLine(raw: unknown, id: string): RedLine | undefined {
  const r = (raw ?? {}) as Record<keyof RedLine, unknown>;
  if (r.id !== id || typeof r.partner !== 'string' || typeof r.text !== 'string' || typeof r.createdAt !== 'number') return undefined;
  const text = checkRedLine(r.text);
  return text.ok ? { id, partner: r.partner, text: text.value, createdAt: r.createdAt } : undefined;
}

/** The sealed red lines that `secret` opens: the author's own, or all of them for a facilitator. */
export function openRedLines(doc: Y.Doc, boardId: string, secret: string): RedLine[] {
  return boxesOf(doc, boardId)
    .map(([id, box]) => openSealed(box, secret, context(boardId, id), (raw) => parseRedLine(raw, id)))
    .filter((r): r is RedLine => r !== undefined)
    .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
}

export interface RedLineReveal {
  revealed: number;
  /** Boxes this key cannot open (sealed before its holder became a facilitator, or junk). */
  unreadable: number;
}

/** Publishes every sealed red line `secret` (a facilitator's sealing key) opens, with its
 *  partner, in one transaction; works after the authors have left. Safe to repeat for red lines
 *  that arrive later. */
export function revealRedLines(doc: Y.Doc, boardId: string, secret: string, origin: unknown): Result<RedLineReveal, RedLineError> {
  const sealed = sealedRedLinesOf(doc, boardId);
  const revealed = redLinesRevealedOf(doc, boardId);
  if (!sealed || !revealed) return err('no-board', boardId);
  const boxes = boxesOf(doc, boardId);
  const lines = openRedLines(doc, boardId, secret);
  if (lines.length > 0) {
    const shown = [...revealed.values()].map((m) => ({ order: textOf(m, 'order') }));
    doc.transact(() => {
      for (const line of lines) {
        const order = keyAfter(shown);
        shown.push({ order });
        revealed.set(line.id, newEntry({ ...line, order }, []));
        sealed.delete(line.id);
      }
    }, origin);
  }
  return ok({ revealed: lines.length, unreadable: boxes.length - lines.length });
}
