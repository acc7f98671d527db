import { useMemo } from 'react';
import { TREE_ROOT_ID, type Tree, type TreeJson, type TreeNode } from '@cocrea/shared';
import { t } from '../../i18n/t';
import { kindLabel } from '../tree/kindLabel';
import { layoutTree, NODE_WIDTH } from '../tree/layout';
import { wrapLines } from './wrapLines';

const FONT_SIZE = 12;
const LINE = 15;
const PAD = 8;
const LABEL = 13;
const FONT_FAMILY = "system-ui, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

/** A string's width in the picture's font, measured by the browser; a generous estimate where it cannot. */
function textMeasure(): (s: string) => number {
  const context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (!context) return (s) => s.length * FONT_SIZE * 0.62;
  context.font = `${FONT_SIZE}px ${FONT_FAMILY}`;
  return (s) => context.measureText(s).width;
}

/** A published tree (content only) as the normalized tree the canvas's layout takes, with ids made from paths. */
function asTree(json: TreeJson): Tree {
  const nodes = new Map<string, TreeNode>();
  const build = (node: TreeJson, id: string, parentId: string | null, depth: number): TreeNode => {
    const built: TreeNode = {
      id,
      kind: node.kind,
      parentId,
      depth,
      text: node.text,
      objective: '',
      pin: null,
      children: node.children.map((child, i) => build(child, `${id}-${i}`, id, depth + 1)),
    };
    nodes.set(id, built);
    return built;
  };
  return { root: build(json, TREE_ROOT_ID, null, 0), nodes };
}

/** How wide a tree's picture is, in the canvas's units, before it is scaled to its page. */
export function treeWidth(json: TreeJson): number {
  const xs = [...layoutTree(asTree(json)).values()].map((p) => p.x);
  return Math.max(...xs) - Math.min(...xs) + NODE_WIDTH + 2 * PAD;
}

/**
 * The mesa's problem tree as a picture for paper: effects above the problem, causes below, laid out as on the
 * canvas, every node as tall as the longest text needs. The text is SVG text, wrapped here and never clamped, so
 * every word is on the page (and in the PDF's text).
 */
export function TreePicture({ tree: json }: { tree: TreeJson }) {
  const picture = useMemo(() => {
    const measure = textMeasure();
    const tree = asTree(json);
    const lines = new Map(
      [...tree.nodes.values()].map((n) => [n.id, wrapLines(n.text, NODE_WIDTH - 2 * PAD, measure)]),
    );
    const most = Math.max(1, ...[...lines.values()].map((l) => l.length));
    const height = 2 * PAD + LABEL + most * LINE;
    const positions = layoutTree(tree, height);
    const xs = [...positions.values()].map((p) => p.x);
    const ys = [...positions.values()].map((p) => p.y);
    const box = {
      x: Math.min(...xs) - PAD,
      y: Math.min(...ys) - PAD,
      width: Math.max(...xs) - Math.min(...xs) + NODE_WIDTH + 2 * PAD,
      height: Math.max(...ys) - Math.min(...ys) + height + 2 * PAD,
    };
    return { tree, lines, height, positions, box };
  }, [json]);
  const { tree, lines, height, positions, box } = picture;
  const at = (id: string) => positions.get(id)!;
  return (
    <svg
      className="tree-picture"
      viewBox={`${box.x} ${box.y} ${box.width} ${box.height}`}
      role="group"
      aria-label={t('planDocument.treeLabel', { problem: json.text })}
      fontFamily={FONT_FAMILY}
      fontSize={FONT_SIZE}
      // Shrunk to fit the page, never enlarged: the text stays the size it was wrapped for.
      style={{ maxWidth: `${box.width}px` }}
    >
      {[...tree.nodes.values()].flatMap((node) =>
        node.children.map((child) => {
          const from = at(node.id);
          const to = at(child.id);
          const x1 = from.x + NODE_WIDTH / 2;
          const x2 = to.x + NODE_WIDTH / 2;
          // Causes hang below their parent, effects rise above it.
          const [y1, y2] = child.kind === 'efecto' ? [from.y, to.y + height] : [from.y + height, to.y];
          const mid = (y1 + y2) / 2;
          return (
            <path
              key={`${node.id}>${child.id}`}
              className="tree-picture-link"
              d={`M${x1},${y1} C${x1},${mid} ${x2},${mid} ${x2},${y2}`}
            />
          );
        }),
      )}
      {[...tree.nodes.values()].map((node) => {
        const { x, y } = at(node.id);
        return (
          <g key={node.id} className={`tree-picture-node tree-picture-${node.kind}`}>
            <rect x={x} y={y} width={NODE_WIDTH} height={height} rx={6} />
            <text x={x + PAD} y={y + PAD + 9} className="tree-picture-kind">
              {kindLabel(node)}
            </text>
            <text x={x + PAD} y={y + PAD + LABEL}>
              {lines.get(node.id)!.map((line, i) => (
                <tspan key={i} x={x + PAD} dy={i === 0 ? LINE - 3 : LINE}>
                  {line === '' ? ' ' : line}
                </tspan>
              ))}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
