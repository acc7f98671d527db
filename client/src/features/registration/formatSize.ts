const sizeFormat = new Intl.NumberFormat('es-MX', { maximumFractionDigits: 1 });

/** A file's size as people read it: "840 kB", "3.2 MB". */
export function formatSize(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${sizeFormat.format(Math.max(1, Math.round(bytes / 1024)))} kB`
    : `${sizeFormat.format(bytes / (1024 * 1024))} MB`;
}
