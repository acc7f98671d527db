/** Hands `href` (a data: or blob: URL) to the browser's download, named `filename`. */
export function downloadUrl(href: string, filename: string): void {
  const link = document.createElement('a');
  link.href = href;
  link.download = filename;
  link.click();
}

/** Downloads text content as a file of the given MIME type. */
export function downloadText(filename: string, type: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  downloadUrl(url, filename);
  // Long enough for the browser to have read the blob; then it is garbage.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
