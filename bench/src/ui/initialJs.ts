import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface JsFile {
  path: string;
  bytes: number;
  gzipBytes: number;
}

export interface InitialJs {
  /** Sum of the gzipped sizes, in KiB (bytes / 1024). */
  gzipKb: number;
  files: JsFile[];
  /**
   * What the problem tree's tab downloads on top, on demand (React Flow, d3 and the canvas): the mesa page starts
   * fetching it beside the session request when the tree is the tab it opens on.
   */
  treeTab: { gzipKb: number; files: JsFile[] };
}

/** The canvas's lazy chunk, as Vite names it after the module it starts from. */
const TREE_CHUNK = /^TreeWorkspace-[\w-]+\.js$/;

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
  const files = [...paths].map((path) => measure(distDir, path));
  const treeChunk = readdirSync(join(distDir, 'assets')).find((name) => TREE_CHUNK.test(name));
  const treeFiles = treeChunk
    ? withStaticImports(distDir, `/assets/${treeChunk}`, paths).map((p) => measure(distDir, p))
    : [];
  return { gzipKb: kib(files), files, treeTab: { gzipKb: kib(treeFiles), files: treeFiles } };
}

/** `path` and the chunks it imports statically (Vite writes them as `from"./name.js"`), minus those in `loaded`. */
function withStaticImports(distDir: string, path: string, loaded: Set<string>): string[] {
  const found = new Set<string>();
  const visit = (file: string) => {
    if (found.has(file) || loaded.has(file)) return;
    found.add(file);
    const code = readFileSync(join(distDir, file.replace(/^\//, '')), 'utf8');
    for (const [, name] of code.matchAll(/(?:from|import)\s*"\.\/([\w-]+\.js)"/g)) visit(`/assets/${name}`);
  };
  visit(path);
  return [...found];
}

function measure(distDir: string, path: string): JsFile {
  // Vite writes root-relative URLs (/assets/…); they resolve inside dist/.
  const content = readFileSync(join(distDir, path.replace(/^\//, '')));
  return { path, bytes: content.length, gzipBytes: gzipSync(content).length };
}

function kib(files: JsFile[]): number {
  const gzipBytes = files.reduce((sum, f) => sum + f.gzipBytes, 0);
  return Math.round((gzipBytes / 1024) * 10) / 10;
}
