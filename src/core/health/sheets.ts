import { sha256 } from '@noble/hashes/sha2.js';
import type * as Y from 'yjs';
import { toBase64url, utf8 } from '../facilitation/encoding';
import type { KeyPair } from '../facilitation/keys';
import { openSealed, sealForFacilitators, writeUnlinked, type SealError } from '../facilitation/sealed-boxes';
import { newId } from '../ids';
import { err, ok, type Result } from '../result';
import { boardPartOf } from '../schema';
import { checkText, type TextError } from '../text';
import { listStatements } from './statements';

/* Each participant's answers to a health check are one sheet, sealed to the facilitators (and to
 * the author's device, so that it can show and change its answers), under a random id and
 * written by a one-off Yjs client (`writeUnlinked`), exactly as a hidden note: another
 * participant's copy of the workshop, every update it receives and every presence state hold
 * nothing that links a rating or a comment to a person. The sheet holds no participant id, no
 * name and no time; its `owner` is a hash of the author device's secret key and the board, which
 * only that device can compute, so it finds its own sheet among those a facilitator's key opens
 * too, and no one else can tell whose a sheet is. */

/** 1 to 5, or 0 for Don't know. */
export type Rating = 0 | 1 | 2 | 3 | 4 | 5;
export const DONT_KNOW = 0;

export interface Answer {
  rating: Rating;
  comment: string;
}

export interface Sheet {
  id: string;
  owner: string;
  /** The partner group the participant answered for ('' for none). */
  group: string;
  /** Raised at every save, so that of two sheets of one owner (two tabs at once) the later counts. */
  rev: number;
  answers: Record<string, Answer>;
}

export type SheetError = SealError | TextError | 'no-board' | 'no-statement' | 'bad-rating';

const checkComment = (raw: string) => checkText(raw, 'note', { multiline: true, optional: true });

const sheetsOf = (doc: Y.Doc, boardId: string) => boardPartOf<unknown>(doc, boardId, 'sheets');
const context = (boardId: string, id: string) => `common-ground/health-sheet/1\n${boardId}\n${id}`;

/** What names a device's sheet on one board: only the holder of `secret` can compute it, and it
 *  differs from board to board, so sheets of two checks cannot be matched either. */
export const ownerTag = (boardId: string, secret: string): string =>
  toBase64url(sha256(utf8(`common-ground/health-owner/1\n${boardId}\n${secret}`))).slice(0, 22);

const isRating = (v: unknown): v is Rating => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 5;

function boxes(doc: Y.Doc, boardId: string): [string, string][] {
  return [...(sheetsOf(doc, boardId)?.entries() ?? [])].flatMap(([id, value]) => {
    const box = (value as { box?: unknown } | null)?.box;
    return typeof box === 'string' ? [[id, box] as [string, string]] : [];
  });
}

/** How many sheets the board holds: everyone may see that people answered, not who. */
export const sheetCount = (doc: Y.Doc, boardId: string): number => boxes(doc, boardId).length;

/** A box's contents, checked as carefully as answers given here (its author may run a modified
 *  client); its id must be the entry's own. */
function parseSheet(raw: unknown, id: string): Sheet | undefined {
  const s = (raw ?? {}) as Record<keyof Sheet, unknown>;
  if (s.id !== id || typeof s.owner !== 'string' || typeof s.group !== 'string' || typeof s.rev !== 'number') return undefined;
  if (!s.answers || typeof s.answers !== 'object') return undefined;
  const answers: Record<string, Answer> = {};
  for (const [statement, value] of Object.entries(s.answers as Record<string, unknown>)) {
    const a = (value ?? {}) as Partial<Record<keyof Answer, unknown>>;
    if (!isRating(a.rating) || typeof a.comment !== 'string') return undefined;
    const comment = checkComment(a.comment);
    if (!comment.ok) return undefined;
    answers[statement] = { rating: a.rating, comment: comment.value };
  }
  return { id, owner: s.owner, group: s.group, rev: s.rev, answers };
}

/** The sheets `secret` opens (the author's own, or every one for a facilitator), one per owner. */
export function openSheets(doc: Y.Doc, boardId: string, secret: string): Sheet[] {
  const latest = new Map<string, Sheet>();
  for (const [id, box] of boxes(doc, boardId)) {
    const sheet = openSealed(box, secret, context(boardId, id), (raw) => parseSheet(raw, id));
    if (!sheet) continue;
    const other = latest.get(sheet.owner);
    if (!other || sheet.rev > other.rev || (sheet.rev === other.rev && sheet.id > other.id)) latest.set(sheet.owner, sheet);
  }
  return [...latest.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** This device's own sheet, if it has answered. */
export const mySheet = (doc: Y.Doc, boardId: string, device: KeyPair): Sheet | undefined =>
  openSheets(doc, boardId, device.secret).find((s) => s.owner === ownerTag(boardId, device.secret));

/** Sets this device's answers to `changes` (an answer of `null` takes it back) and seals the
 *  whole sheet again under the same id, as a one-off device. `group` is the partner group the
 *  participant answers for. */
export function answer(
  doc: Y.Doc, root: string, boardId: string,
  fields: { group: string; changes: Record<string, Answer | null> }, device: KeyPair, origin: unknown,
): Result<string, SheetError> {
  const sheets = sheetsOf(doc, boardId);
  if (!sheets) return err('no-board', boardId);
  const known = new Set(listStatements(doc, boardId).map((s) => s.id));
  const mine = mySheet(doc, boardId, device);
  const answers = { ...mine?.answers };
  for (const [statement, change] of Object.entries(fields.changes)) {
    if (!known.has(statement)) return err('no-statement', statement);
    if (change === null) {
      delete answers[statement];
      continue;
    }
    if (!isRating(change.rating)) return err('bad-rating', String(change.rating));
    const comment = checkComment(change.comment);
    if (!comment.ok) return comment;
    answers[statement] = { rating: change.rating, comment: comment.value };
  }
  const sheet: Sheet = { id: mine?.id ?? newId(), owner: ownerTag(boardId, device.secret), group: fields.group, rev: (mine?.rev ?? 0) + 1, answers };
  const box = sealForFacilitators(doc, root, sheet, device.public, context(boardId, sheet.id));
  if (!box.ok) return box;
  writeUnlinked(doc, () => sheets.set(sheet.id, { box: box.value }), origin);
  return ok(sheet.id);
}
