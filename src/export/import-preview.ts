import * as Y from 'yjs';
import { listBoards, type Board } from '../core/boards';
import { getMeta, type EditableMeta } from '../core/meta';
import { boardMapOf } from '../core/schema';

/* What merging a backup would do to a workshop, worked out on a copy: the merge is a CRDT merge,
 * so a file can delete and overwrite as well as add (a device's deletions travel in its state).
 * Entries are read straight from each board's maps, whatever their kind: a new kind of board, or
 * one from a newer app, is compared without a line here. */

/** One entry of a board (a note, heading, stakeholder, relationship, proposal…). */
export interface EntryText {
  id: string;
  /** What a person recognises it by: its text, name, title or label; '' when it has none. */
  text: string;
}

/** An entry whose existing content the merge would overwrite; `before` is its text until then. */
export interface ChangedEntry extends EntryText {
  before: string;
}

/** The difference in one of a board's maps (`items`, `clusters`, `stakeholders`…). */
export interface PartDiff {
  part: string;
  added: EntryText[];
  /** Entries that only gain content (someone's estimate, answer…): nothing of theirs is lost. */
  extended: EntryText[];
  changed: ChangedEntry[];
  removed: EntryText[];
}

export interface BoardDiff {
  id: string;
  /** The title after the merge; the last one for a removed board. */
  title: string;
  status: 'added' | 'removed' | 'kept';
  /** The title until now, when the merge renames the board. */
  renamedFrom?: string;
  /** Whether its question for participants or its kind would change. */
  detailsChanged: boolean;
  /** Only the parts that differ. */
  parts: PartDiff[];
}

export interface MetaChange {
  field: keyof EditableMeta;
  before: string;
  after: string;
}

export interface ImportPreview {
  meta: MetaChange[];
  /** Only the boards that differ, in the order the workshop shows them after the merge, then the removed ones. */
  boards: BoardDiff[];
  counts: { added: number; extended: number; changed: number; removed: number };
}

const META_FIELDS: readonly (keyof EditableMeta)[] = ['title', 'purpose', 'place', 'startsAt'];
/** The fields that name an entry, most telling first. */
const NAME_FIELDS = ['text', 'name', 'title', 'label'] as const;

type Json = unknown;

function textOf(value: Json): string {
  if (typeof value !== 'object' || value === null) return '';
  const record = value as Record<string, unknown>;
  for (const field of NAME_FIELDS) if (typeof record[field] === 'string' && record[field]) return record[field];
  return '';
}

const isRecord = (value: Json): value is Record<string, Json> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether `after` holds everything `before` holds, unchanged, and perhaps more keys. */
function contains(after: Json, before: Json): boolean {
  if (isRecord(before) && isRecord(after)) return Object.entries(before).every(([k, v]) => k in after && contains(after[k], v));
  if (Array.isArray(before) && Array.isArray(after)) return before.length === after.length && before.every((v, i) => contains(after[i], v));
  return Object.is(before, after);
}

/** A board's maps as plain data, by part name; nothing for a board that is not there. */
function partsOf(doc: Y.Doc, board: Board | undefined): Map<string, Record<string, Json>> {
  const parts = new Map<string, Record<string, Json>>();
  if (!board) return parts;
  for (const [name, value] of boardMapOf(doc, board.id).entries()) {
    if (value instanceof Y.Map) parts.set(name, value.toJSON() as Record<string, Json>);
  }
  return parts;
}

function diffPart(part: string, before: Record<string, Json>, after: Record<string, Json>): PartDiff {
  const diff: PartDiff = { part, added: [], extended: [], changed: [], removed: [] };
  for (const [id, value] of Object.entries(after)) {
    const old = before[id];
    if (!(id in before)) diff.added.push({ id, text: textOf(value) });
    else if (contains(value, old)) {
      if (!contains(old, value)) diff.extended.push({ id, text: textOf(value) });
    } else diff.changed.push({ id, text: textOf(value), before: textOf(old) });
  }
  for (const [id, value] of Object.entries(before)) if (!(id in after)) diff.removed.push({ id, text: textOf(value) });
  return diff;
}

const differs = (p: PartDiff): boolean => p.added.length + p.extended.length + p.changed.length + p.removed.length > 0;

function diffBoard(before: { doc: Y.Doc; board?: Board }, after: { doc: Y.Doc; board?: Board }): BoardDiff {
  const old = partsOf(before.doc, before.board);
  const now = partsOf(after.doc, after.board);
  const parts = [...new Set([...old.keys(), ...now.keys()])]
    .map((name) => diffPart(name, old.get(name) ?? {}, now.get(name) ?? {}))
    .filter(differs);
  const board = (after.board ?? before.board)!;
  const renamed = before.board && after.board && before.board.title !== after.board.title;
  return {
    id: board.id,
    title: board.title,
    status: !before.board ? 'added' : !after.board ? 'removed' : 'kept',
    ...(renamed ? { renamedFrom: before.board!.title } : {}),
    detailsChanged: !!before.board && !!after.board
      && (before.board.prompt !== after.board.prompt || (before.board.unknownType ?? before.board.type) !== (after.board.unknownType ?? after.board.type)),
    parts,
  };
}

const boardDiffers = (b: BoardDiff): boolean => b.status !== 'kept' || b.renamedFrom !== undefined || b.detailsChanged || b.parts.length > 0;

function count(meta: MetaChange[], boards: BoardDiff[]): ImportPreview['counts'] {
  const sum = (pick: (p: PartDiff) => unknown[]) => boards.reduce((n, b) => n + b.parts.reduce((m, p) => m + pick(p).length, 0), 0);
  const boardsWith = (status: BoardDiff['status']) => boards.filter((b) => b.status === status).length;
  const edited = boards.filter((b) => b.status === 'kept' && (b.renamedFrom !== undefined || b.detailsChanged)).length;
  return {
    added: sum((p) => p.added) + boardsWith('added'),
    extended: sum((p) => p.extended),
    changed: sum((p) => p.changed) + edited + meta.length,
    removed: sum((p) => p.removed) + boardsWith('removed'),
  };
}

/** What merging `update` into `doc` would add, change and remove, without touching `doc`. */
export function previewImport(doc: Y.Doc, update: Uint8Array): ImportPreview {
  const merged = new Y.Doc();
  Y.applyUpdate(merged, Y.encodeStateAsUpdate(doc));
  Y.applyUpdate(merged, update);
  const before = getMeta(doc);
  const after = getMeta(merged);
  const meta = META_FIELDS.filter((f) => before[f] !== after[f]).map((field) => ({ field, before: before[field], after: after[field] }));
  const old = new Map(listBoards(doc).map((b) => [b.id, b]));
  const now = listBoards(merged);
  const boards = [
    ...now.map((b) => diffBoard({ doc, board: old.get(b.id) }, { doc: merged, board: b })),
    ...[...old.values()].filter((b) => !now.some((n) => n.id === b.id)).map((b) => diffBoard({ doc, board: b }, { doc: merged })),
  ].filter(boardDiffers);
  merged.destroy();
  return { meta, boards, counts: count(meta, boards) };
}

/** Whether the merge would take anything away: then the person must say yes first. */
export const needsConfirmation = (preview: ImportPreview): boolean => preview.counts.changed + preview.counts.removed > 0;
