/** Saving a file from an extension page, without the `downloads` permission. */

/** The library page's way to save a file: a Blob URL on a download link, clicked, then let go. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoking at once can cut the download short in Firefox; a minute is plenty for the browser to take it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
