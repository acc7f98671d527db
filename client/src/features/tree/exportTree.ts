import { getNodesBounds, getViewportForBounds, type Node } from '@xyflow/react';
import { toPng, toSvg } from 'html-to-image';
import type * as Y from 'yjs';
import { exportTreeJson } from '@cocrea/shared';
import { downloadText, downloadUrl } from '../../files/download';
import { NODE_HEIGHT } from './layout';

const IMAGE_PADDING = 0.1;

/**
 * Presence (cursors, "X está editando") and the deliberation (a node's comment count) never leave the screen:
 * exports show the tree, and say nothing about who wrote or said what.
 */
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
    'tree-node-comments',
  ].some((c) => classes.contains(c));
}

/**
 * The height at which every node of the canvas shows its whole text: on screen a node clamps its text to three
 * lines (its tooltip and the outline have the rest), but an image is all anyone will see, so nothing may be cut.
 * Measured by letting every node grow for a moment (`is-measuring`), within the same frame.
 */
export function wholeTextNodeHeight(container: HTMLElement): number {
  container.classList.add('is-measuring');
  try {
    const heights = Array.from(container.querySelectorAll<HTMLElement>('.tree-node'), (node) => node.offsetHeight);
    return Math.max(NODE_HEIGHT, ...heights);
  } finally {
    container.classList.remove('is-measuring');
  }
}

/**
 * Renders the whole tree (not just what is in view) to PNG or SVG and downloads it. The canvas must already be laid
 * out at {@link wholeTextNodeHeight}: the image shows every word.
 */
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
  // The exporter's own selection is a state of the screen, not of the tree: hidden while the image is taken.
  container.classList.add('is-exporting');
  try {
    const dataUrl = format === 'png' ? await toPng(viewport, options) : await toSvg(viewport, options);
    downloadUrl(dataUrl, `arbol-de-problemas.${format}`);
  } finally {
    container.classList.remove('is-exporting');
  }
}

/** The tree's content as JSON: kinds, texts and structure only. */
export function exportTreeAsJson(doc: Y.Doc): void {
  downloadText('arbol-de-problemas.json', 'application/json', JSON.stringify(exportTreeJson(doc), null, 2));
}
