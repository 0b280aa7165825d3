import type { BoardDiff, ImportPreview } from '../export/import-preview';
import { hasMessage, locale, t } from '../i18n/i18n';

/* An import preview in the interface's words: what the dialog and the toast say. */

type Status = 'added' | 'extended' | 'changed' | 'removed';
const STATUSES: readonly Status[] = ['removed', 'changed', 'added', 'extended'];
/** How many texts of one kind the dialog lists before "and N more". */
export const TEXTS_SHOWN = 5;

/** "3 notes", "1 heading": the part's own noun, or a neutral one for a part this version does not name. */
function countOf(part: string, count: number): string {
  const key = `import.part.${part}`;
  return t(hasMessage(key) ? key : 'import.part.other', { count });
}

const joined = (phrases: string[]): string => new Intl.ListFormat(locale(), { type: 'conjunction' }).format(phrases);

const PHRASES = { added: 'import.added', extended: 'import.extended', changed: 'import.changed', removed: 'import.removed' } as const;

/** Per status, the counts of each part across the given boards; the boards themselves first,
 *  unless the phrase is about one board. */
function tally(boards: readonly BoardDiff[], status: Status, countBoards = true): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (part: string, n: number) => { if (n > 0) counts.set(part, (counts.get(part) ?? 0) + n); };
  const edited = (b: BoardDiff) => b.status === 'kept' && (b.renamedFrom !== undefined || b.detailsChanged);
  if (countBoards) add('boards', boards.filter((b) => (status === 'changed' ? edited(b) : b.status === status)).length);
  for (const board of boards) for (const part of board.parts) add(part.part, part[status].length);
  return counts;
}

/** "5 notes and 1 board removed, 1 note changed". */
function sentence(boards: readonly BoardDiff[], extra: Partial<Record<Status, string[]>> = {}, countBoards = true): string {
  return STATUSES.flatMap((status) => {
    const what = [...(extra[status] ?? []), ...[...tally(boards, status, countBoards)].map(([part, n]) => countOf(part, n))];
    return what.length ? [t(PHRASES[status], { what: joined(what) })] : [];
  }).join(', ');
}

const summaryOf = (preview: ImportPreview): string =>
  sentence(preview.boards, preview.meta.length ? { changed: [t('import.part.details')] } : {});

/** The toast once the backup is merged. */
export function mergedMessage(title: string, preview: ImportPreview, confirmed: boolean): string {
  const what = summaryOf(preview);
  if (!what) return t('import.merged.same', { title });
  return t(confirmed ? 'import.merged.confirmed' : 'import.merged', { title, what });
}

/** The dialog's button that merges: it says what goes. */
export function confirmLabel(preview: ImportPreview): string {
  const removed = [...tally(preview.boards, 'removed')].map(([part, n]) => countOf(part, n));
  return removed.length ? t('import.confirm.remove', { what: joined(removed) }) : t('import.confirm.change', { count: preview.counts.changed });
}

export interface ShownTexts {
  texts: string[];
  /** How many more there are than `texts` shows. */
  more: number;
}

export interface BoardPreviewView {
  id: string;
  title: string;
  /** "New board", "Removed", "Renamed from “…”"… */
  notes: string[];
  summary: string;
  removed: ShownTexts;
  changed: ShownTexts;
}

const quoted = (text: string): string => (text ? t('import.quoted', { text }) : t('import.untitled'));

function shown(texts: string[]): ShownTexts {
  return { texts: texts.slice(0, TEXTS_SHOWN), more: Math.max(0, texts.length - TEXTS_SHOWN) };
}

function boardView(board: BoardDiff): BoardPreviewView {
  const notes = [
    ...(board.status === 'kept' ? [] : [t(board.status === 'added' ? 'import.board.added' : 'import.board.removed')]),
    ...(board.renamedFrom === undefined ? [] : [t('import.board.renamed', { title: board.renamedFrom })]),
    ...(board.detailsChanged ? [t('import.board.details')] : []),
  ];
  return {
    id: board.id,
    title: board.title,
    notes,
    summary: sentence([board], {}, false),
    removed: shown(board.parts.flatMap((p) => p.removed).map((e) => quoted(e.text))),
    changed: shown(board.parts.flatMap((p) => p.changed).map((e) =>
      (e.before === e.text ? t('import.changedInPlace', { text: quoted(e.text) }) : t('import.changedText', { before: quoted(e.before), after: quoted(e.text) })))),
  };
}

/** What the dialog shows: the workshop's details that change, then each board that does. */
export function previewView(preview: ImportPreview): { meta: string[]; boards: BoardPreviewView[] } {
  const fields = { title: 'workshop.title.label', purpose: 'workshop.purpose', place: 'workshop.place', startsAt: 'workshop.date' } as const;
  return {
    meta: preview.meta.map((m) => t('import.meta', { field: t(fields[m.field]), before: quoted(m.before), after: quoted(m.after) })),
    boards: preview.boards.map(boardView),
  };
}
