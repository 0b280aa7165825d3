/** Hands a file to the person: the phone's share sheet where the browser can share files (a
 *  participant sends a backup over any messenger), otherwise a download. */
export async function shareOrSave(file: File): Promise<'shared' | 'saved' | 'cancelled'> {
  if (navigator.canShare?.({ files: [file] })) {
    try {
      await navigator.share({ files: [file], title: file.name });
      return 'shared';
    } catch (error) {
      // Closing the share sheet is a choice, not a failure; anything else falls back to saving.
      if (error instanceof DOMException && error.name === 'AbortError') return 'cancelled';
    }
  }
  saveFile(file);
  return 'saved';
}

/** A download of `file` under its own name. */
export function saveFile(file: File): void {
  const url = URL.createObjectURL(file);
  const link = Object.assign(document.createElement('a'), { href: url, download: file.name });
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by the time the click returns; the URL is only needed until then.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A page in a new tab the person prints from; where pop-ups are blocked, the page is downloaded
 *  instead and this answers false, so the screen can say so. */
export function openOrSave(file: File): boolean {
  const url = URL.createObjectURL(file);
  if (window.open(url, '_blank')) {
    // The new tab has read it by then; a page stays open as long as the person likes.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return true;
  }
  URL.revokeObjectURL(url);
  saveFile(file);
  return false;
}
