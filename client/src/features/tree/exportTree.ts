import { getNodesBounds, getViewportForBounds, type Node } from '@xyflow/react';
import { toPng, toSvg } from 'html-to-image';
import type * as Y from 'yjs';
import { exportTreeJson } from '@cocrea/shared';

const IMAGE_PADDING = 0.1;

function download(href: string, filename: string): void {
  const link = document.createElement('a');
  link.href = href;
  link.download = filename;
  link.click();
}

/** Presence (cursors, "X está editando") never leaves the screen: exports say nothing about who wrote what. */
function withoutPresence(element: HTMLElement): boolean {
  const classes = element.classList;
  if (!classes) return true;
  return ![
    'remote-cursor',
    'tree-node-editor',
    'tree-node-editor-ring',
    'react-flow__minimap',
    'react-flow__controls',
    'tree-node-actions',
  ].some((c) => classes.contains(c));
}

/** Renders the whole tree (not just what is in view) to PNG or SVG and downloads it. */
export async function exportTreeImage(container: HTMLElement, nodes: Node[], format: 'png' | 'svg'): Promise<void> {
  const viewport = container.querySelector<HTMLElement>('.react-flow__viewport');
  if (!viewport) return;
  const bounds = getNodesBounds(nodes);
  const width = Math.max(800, Math.ceil(bounds.width * 1.2));
  const height = Math.max(600, Math.ceil(bounds.height * 1.2));
  const { x, y, zoom } = getViewportForBounds(bounds, width, height, 0.2, 2, IMAGE_PADDING);
  const options = {
    backgroundColor: '#ffffff',
    width,
    height,
    filter: (node: HTMLElement) => withoutPresence(node),
    style: { width: `${width}px`, height: `${height}px`, transform: `translate(${x}px, ${y}px) scale(${zoom})` },
  };
  const dataUrl = format === 'png' ? await toPng(viewport, options) : await toSvg(viewport, options);
  download(dataUrl, `arbol-de-problemas.${format}`);
}

/** The tree's content as JSON: kinds, texts and structure only. */
export function exportTreeAsJson(doc: Y.Doc): void {
  const blob = new Blob([JSON.stringify(exportTreeJson(doc), null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  download(url, 'arbol-de-problemas.json');
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
