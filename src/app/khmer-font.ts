/* The printable summary embeds a Khmer font so that it prints right on a machine without one:
 * Noto Sans Khmer, Khmer letters only (SIL Open Font License 1.1, see the README), as a data: URL.
 * It is its own chunk, fetched the first time someone opens the export dialog, never on first
 * load; the service worker keeps it for offline use like every chunk. */

import { lazy } from '../core/lazy';

let loading: Promise<string | undefined> | undefined;

/** The font as a data: URL; undefined where it could not be fetched (the page then falls back
 *  to the fonts the machine has). */
export function khmerFont(): Promise<string | undefined> {
  loading ??= lazy(() => import('@fontsource/noto-sans-khmer/files/noto-sans-khmer-khmer-400-normal.woff2?inline'))
    .then((module) => module.default)
    .catch((error: unknown) => {
      console.error(error);
      loading = undefined;
      return undefined;
    });
  return loading;
}
