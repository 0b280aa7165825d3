import * as Y from 'yjs';
import { newId } from './ids';
import { addItem, listItems, moveItem, type Item, type ItemError } from './items';
import { byOrder, isSlot, keyAfter, keyAt, orderOf } from './order';
import { err, ok, type Result } from './result';
import { boardPartOf, itemsOf } from './schema';
import { similarPairs, NEAR_DUPLICATE } from './similarity';
import { checkText } from './text';

/* A SWOT board is a board whose items are the notes: an item's `lane` is its quadrant and its
 * `cluster` the facilitator's heading it sits under. Edit and delete notes with `editItem` and
 * `deleteItem` (items.ts); this file adds what is specific to quadrants and clusters. */

export const QUADRANTS = ['strengths', 'weaknesses', 'opportunities', 'threats'] as const;
export type Quadrant = (typeof QUADRANTS)[number];

export interface Cluster {
  id: string;
  title: string;
  quadrant: Quadrant;
  order: string;
}

export type SwotError = ItemError | 'bad-quadrant' | 'no-cluster';

export const isQuadrant = (q: string): q is Quadrant => (QUADRANTS as readonly string[]).includes(q);

const clustersOf = (doc: Y.Doc, boardId: string) => boardPartOf<Y.Map<unknown>>(doc, boardId, 'clusters');

function toCluster(map: Y.Map<unknown>): Cluster {
  return {
    id: String(map.get('id')),
    title: String(map.get('title') ?? ''),
    quadrant: String(map.get('quadrant')) as Quadrant,
    order: orderOf(map, 'clusters'),
  };
}

/** Clusters of a SWOT board (of one quadrant when given) in display order. */
export function listClusters(doc: Y.Doc, boardId: string, quadrant?: Quadrant): Cluster[] {
  const all = [...(clustersOf(doc, boardId)?.values() ?? [])].map(toCluster);
  return (quadrant === undefined ? all : all.filter((c) => c.quadrant === quadrant)).sort(byOrder);
}

/** The cluster a note is shown under: one that still exists in the note's own quadrant. A note
 *  may name a cluster that another device deleted, or keep one while moved on another device. */
function effectiveCluster(note: Item, clusters: ReadonlyMap<string, Cluster>): string {
  const cluster = clusters.get(note.cluster);
  return cluster && cluster.quadrant === note.lane ? cluster.id : '';
}

/** Notes of a SWOT board (one group's when `group` is given), quadrant by quadrant in display
 *  order, with `cluster` resolved as shown. */
export function listNotes(doc: Y.Doc, boardId: string, filter: { group?: string } = {}): Item[] {
  const clusters = new Map(listClusters(doc, boardId).map((c) => [c.id, c]));
  return listItems(doc, boardId)
    .filter((n) => isQuadrant(n.lane) && (filter.group === undefined || n.group === filter.group))
    .map((n) => {
      const cluster = effectiveCluster(n, clusters);
      return cluster === n.cluster ? n : { ...n, cluster };
    })
    .sort((a, b) => QUADRANTS.indexOf(a.lane as Quadrant) - QUADRANTS.indexOf(b.lane as Quadrant));
}

export interface QuadrantView {
  quadrant: Quadrant;
  /** Every cluster of the quadrant, empty ones too (a heading the facilitator just made). */
  clusters: (Cluster & { notes: Item[] })[];
  /** Notes under no cluster. */
  notes: Item[];
}

/** What a SWOT board shows: the four quadrants in order, each with its clusters and loose notes;
 *  `group` keeps only that stakeholder group's notes. */
export function swotView(doc: Y.Doc, boardId: string, filter: { group?: string } = {}): QuadrantView[] {
  const notes = listNotes(doc, boardId, filter);
  return QUADRANTS.map((quadrant) => {
    const here = notes.filter((n) => n.lane === quadrant);
    return {
      quadrant,
      clusters: listClusters(doc, boardId, quadrant).map((c) => ({ ...c, notes: here.filter((n) => n.cluster === c.id) })),
      notes: here.filter((n) => n.cluster === ''),
    };
  });
}

/** Checks that `boardId` is a SWOT board and that a target quadrant and cluster fit together. */
function checkTarget(
  doc: Y.Doc, boardId: string, quadrant: string, cluster: string,
): Result<{ quadrant: Quadrant }, SwotError> {
  const clusters = clustersOf(doc, boardId);
  if (!clusters) return err('no-board', boardId);
  if (!isQuadrant(quadrant)) return err('bad-quadrant', quadrant);
  if (cluster === '') return ok({ quadrant });
  const map = clusters.get(cluster);
  if (!map) return err('no-cluster', cluster);
  // A note under a heading of another quadrant could never be shown there.
  if (map.get('quadrant') !== quadrant) return err('bad-quadrant', quadrant);
  return ok({ quadrant });
}

export function addNote(
  doc: Y.Doc, boardId: string,
  fields: { text: string; createdBy: string; group: string; quadrant: string; cluster?: string }, origin: unknown,
): Result<string, SwotError> {
  const { quadrant, cluster = '', ...item } = fields;
  const target = checkTarget(doc, boardId, quadrant, cluster);
  if (!target.ok) return target;
  return addItem(doc, boardId, { ...item, lane: quadrant, cluster }, origin);
}

/** Moves a note to slot `toIndex` among the notes under `cluster` ('' = loose) of `quadrant`, as
 *  the board shows them. A move writes only position fields, so a concurrent edit survives it,
 *  and two concurrent moves of one note leave it in one place (the last writer's). */
export function moveNote(
  doc: Y.Doc, boardId: string, noteId: string,
  target: { quadrant: string; cluster?: string; toIndex: number }, origin: unknown,
): Result<void, SwotError> {
  const cluster = target.cluster ?? '';
  const checked = checkTarget(doc, boardId, target.quadrant, cluster);
  if (!checked.ok) return checked;
  const clusters = new Map(listClusters(doc, boardId).map((c) => [c.id, c]));
  return moveItem(doc, boardId, noteId, {
    lane: checked.value.quadrant, cluster, toIndex: target.toIndex,
    among: (note) => effectiveCluster(note, clusters) === cluster,
  }, origin);
}

/** Puts a note at the end of a cluster (of the cluster's quadrant), or loose in its quadrant with ''. */
export function clusterNote(doc: Y.Doc, boardId: string, noteId: string, clusterId: string, origin: unknown): Result<void, SwotError> {
  const notes = listNotes(doc, boardId);
  const note = notes.find((n) => n.id === noteId);
  if (!note) return err(clustersOf(doc, boardId) ? 'no-item' : 'no-board', noteId);
  const quadrant = clusterId === '' ? note.lane : clustersOf(doc, boardId)?.get(clusterId)?.get('quadrant');
  if (typeof quadrant !== 'string') return err('no-cluster', clusterId);
  const peers = notes.filter((n) => n.id !== noteId && n.lane === quadrant && n.cluster === clusterId);
  return moveNote(doc, boardId, noteId, { quadrant, cluster: clusterId, toIndex: peers.length }, origin);
}

export function addCluster(
  doc: Y.Doc, boardId: string, fields: { title: string; quadrant: string }, origin: unknown,
): Result<string, SwotError> {
  const title = checkText(fields.title, 'title');
  if (!title.ok) return title;
  const target = checkTarget(doc, boardId, fields.quadrant, '');
  if (!target.ok) return target;
  const clusters = clustersOf(doc, boardId)!;
  const cluster: Cluster = {
    id: newId(), title: title.value, quadrant: target.value.quadrant,
    order: keyAfter(listClusters(doc, boardId, target.value.quadrant)),
  };
  doc.transact(() => {
    const map = new Y.Map<unknown>();
    for (const [key, value] of Object.entries(cluster)) map.set(key, value);
    clusters.set(cluster.id, map);
  }, origin);
  return ok(cluster.id);
}

function clusterMap(doc: Y.Doc, boardId: string, clusterId: string): Result<Y.Map<unknown>, SwotError> {
  const clusters = clustersOf(doc, boardId);
  if (!clusters) return err('no-board', boardId);
  const map = clusters.get(clusterId);
  return map ? ok(map) : err('no-cluster', clusterId);
}

export function renameCluster(doc: Y.Doc, boardId: string, clusterId: string, rawTitle: string, origin: unknown): Result<void, SwotError> {
  const title = checkText(rawTitle, 'title');
  if (!title.ok) return title;
  const map = clusterMap(doc, boardId, clusterId);
  if (!map.ok) return map;
  if (map.value.get('title') !== title.value) doc.transact(() => map.value.set('title', title.value), origin);
  return ok(undefined);
}

/** Moves a cluster to slot `toIndex` among the clusters of its quadrant. */
export function moveCluster(doc: Y.Doc, boardId: string, clusterId: string, toIndex: number, origin: unknown): Result<void, SwotError> {
  const map = clusterMap(doc, boardId, clusterId);
  if (!map.ok) return map;
  const others = listClusters(doc, boardId, toCluster(map.value).quadrant).filter((c) => c.id !== clusterId);
  if (!isSlot(toIndex, others.length)) return err('bad-index', String(toIndex));
  doc.transact(() => map.value.set('order', keyAt(others, toIndex)), origin);
  return ok(undefined);
}

/** Deletes a cluster and puts its notes back loose in their quadrant. A note added to the cluster
 *  concurrently on another device keeps the dangling id, which queries show as loose. */
export function deleteCluster(doc: Y.Doc, boardId: string, clusterId: string, origin: unknown): Result<void, SwotError> {
  const map = clusterMap(doc, boardId, clusterId);
  if (!map.ok) return map;
  const items = itemsOf(doc, boardId)!;
  doc.transact(() => {
    for (const note of items.values()) if (note.get('cluster') === clusterId) note.set('cluster', '');
    clustersOf(doc, boardId)!.delete(clusterId);
  }, origin);
  return ok(undefined);
}

/** Notes of two or more groups that say the same thing: under one facilitator cluster, or
 *  near-duplicates of each other (chained: if a~b and b~c, all three are one theme). */
export interface SharedTheme {
  quadrant: Quadrant;
  noteIds: string[];
  /** The compared groups involved, in the order they were asked for. */
  groups: string[];
  /** The facilitator's clusters the theme's notes sit under. */
  clusters: { id: string; title: string }[];
  /** Whether near-duplicate detection linked any of its notes. */
  similar: boolean;
}

export interface Comparison {
  quadrants: { quadrant: Quadrant; columns: { group: string; notes: Item[] }[] }[];
  themes: SharedTheme[];
}

/** Each group's SWOT side by side (columns in the order of `groupIds`), and the themes that
 *  several of these groups share. Notes of other groups and of no group are left out. */
export function compareGroups(
  doc: Y.Doc, boardId: string, groupIds: readonly string[], threshold = NEAR_DUPLICATE,
): Comparison {
  const compared = new Set(groupIds);
  const notes = listNotes(doc, boardId).filter((n) => compared.has(n.group));
  const titles = new Map(listClusters(doc, boardId).map((c) => [c.id, c.title]));
  const quadrants = QUADRANTS.map((quadrant) => ({
    quadrant,
    columns: groupIds.map((group) => ({ group, notes: notes.filter((n) => n.lane === quadrant && n.group === group) })),
  }));
  const themes = QUADRANTS.flatMap((quadrant) => {
    const here = notes.filter((n) => n.lane === quadrant);
    const links = new Links(here.length);
    const similar = new Set<number>();
    const firstInCluster = new Map<string, number>();
    here.forEach((n, i) => {
      if (!n.cluster) return;
      const first = firstInCluster.get(n.cluster);
      if (first === undefined) firstInCluster.set(n.cluster, i);
      else links.join(first, i);
    });
    for (const [i, j] of similarPairs(here.map((n) => n.text), threshold)) {
      if (here[i]!.group === here[j]!.group) continue;
      links.join(i, j);
      similar.add(i).add(j);
    }
    return links.sets().flatMap((members): SharedTheme[] => {
      const involved = new Set(members.map((i) => here[i]!.group));
      if (involved.size < 2) return [];
      const clusterIds = [...new Set(members.map((i) => here[i]!.cluster).filter(Boolean))];
      return [{
        quadrant,
        noteIds: members.map((i) => here[i]!.id),
        groups: groupIds.filter((g) => involved.has(g)),
        clusters: clusterIds.map((id) => ({ id, title: titles.get(id) ?? '' })),
        similar: members.some((i) => similar.has(i)),
      }];
    });
  });
  return { quadrants, themes };
}

/** Union-find over indexes, so chains of links become one set. */
class Links {
  readonly #parent: number[];
  constructor(size: number) {
    this.#parent = Array.from({ length: size }, (_, i) => i);
  }
  #root(i: number): number {
    while (this.#parent[i] !== i) i = this.#parent[i] = this.#parent[this.#parent[i]!]!;
    return i;
  }
  join(a: number, b: number): void {
    this.#parent[this.#root(b)] = this.#root(a);
  }
  /** Sets of two or more members, each in index order, ordered by their first member. */
  sets(): number[][] {
    const byRoot = new Map<number, number[]>();
    this.#parent.forEach((_, i) => {
      const root = this.#root(i);
      const set = byRoot.get(root);
      if (set) set.push(i);
      else byRoot.set(root, [i]);
    });
    return [...byRoot.values()].filter((s) => s.length > 1).sort((a, b) => a[0]! - b[0]!);
  }
}
