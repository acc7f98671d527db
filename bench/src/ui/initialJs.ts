import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface InitialJs {
  /** Sum of the gzipped sizes, in KiB (bytes / 1024). */
  gzipKb: number;
  files: { path: string; bytes: number; gzipBytes: number }[];
}

/**
 * The JavaScript a mesa page loads before it can run: index.html's module scripts and the chunks it preloads
 * (lazy chunks load later, on demand, and are not counted). Gzipped with zlib's default level, as a server would.
 */
export function measureInitialJs(distDir: string): InitialJs {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const paths = new Set<string>();
  for (const tag of html.match(/<(script|link)\b[^>]*>/g) ?? []) {
    const attrs = Object.fromEntries([...tag.matchAll(/([\w-]+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
    if (tag.startsWith('<script') && attrs.src) paths.add(attrs.src);
    if (tag.startsWith('<link') && attrs.rel === 'modulepreload' && attrs.href) paths.add(attrs.href);
  }
  const files = [...paths].map((path) => {
    // Vite writes root-relative URLs (/assets/…); they resolve inside dist/.
    const content = readFileSync(join(distDir, path.replace(/^\//, '')));
    return { path, bytes: content.length, gzipBytes: gzipSync(content).length };
  });
  const gzipBytes = files.reduce((sum, f) => sum + f.gzipBytes, 0);
  return { gzipKb: Math.round((gzipBytes / 1024) * 10) / 10, files };
}
