import type * as Y from 'yjs';
import { metaOf } from '../schema';

/** The series a workshop belongs to, as its own document records it: every device of the
 *  meeting learns from there which series to sync, and with which secret (the series' invite). */
export interface SeriesLink {
  id: string;
  secret: string;
}

const ID = /^[0-9a-z]{8,64}$/;

export function getSeriesLink(doc: Y.Doc): SeriesLink | null {
  const v = metaOf(doc).get('series');
  if (!v || typeof v !== 'object') return null;
  const { id, secret } = v as Record<string, unknown>;
  return typeof id === 'string' && typeof secret === 'string' && ID.test(id) && ID.test(secret) ? { id, secret } : null;
}

export function setSeriesLink(doc: Y.Doc, link: SeriesLink, origin: unknown): void {
  doc.transact(() => metaOf(doc).set('series', { id: link.id, secret: link.secret }), origin);
}
