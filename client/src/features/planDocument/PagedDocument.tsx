import { createContext, useContext, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { t } from '../../i18n/t';
import { flowStartPages, paginate, type MeasuredBlock, type Page } from './paginate';

export type Orientation = 'portrait' | 'landscape';

/** A block of the document: whole, or a table (or list) that may be split between the rows it marks. */
export type DocBlock =
  | { kind: 'atomic'; key: string; keepWithNext?: boolean; node: ReactNode }
  | {
      kind: 'rows';
      key: string;
      /** The rows that split, in order, each marked `data-row`; `from`/`to` choose a run of them (all: none given). */
      render: (run?: { from: number; to: number }) => ReactNode;
      /** The rows' heights in the whole block as drawn; by default, those of the elements marked `data-row`. */
      measureRows?: (element: HTMLElement) => number[];
    };

/** Pages that start together and share a running header; `id` names it for the index. */
export interface DocFlow {
  id: string;
  running: string;
  orientation: Orientation;
  blocks: DocBlock[];
}

/** The page each flow starts on, once the document is laid out; empty while it is measured. */
const FlowPages = createContext<ReadonlyMap<string, number>>(new Map());

/** The page a flow starts on ("—" while the document is being measured). */
export function useFlowPage(flowId: string): string {
  const page = useContext(FlowPages).get(flowId);
  return page === undefined ? '—' : String(page);
}

/** What one measuring pass found: the pages, and each flow's first page. */
interface Layout {
  pages: Page[];
  starts: ReadonlyMap<string, number>;
}

/**
 * Lays a document out on A4 pages: every block is first drawn at print size in an invisible page of its flow's
 * orientation and measured, then {@link paginate} decides the pages, and each page is drawn with its running header
 * and "Página i de n". Nothing is left for the print engine to break: each page is exactly one sheet.
 */
export function PagedDocument({ flows, onLaidOut }: { flows: DocFlow[]; onLaidOut?: (pages: number) => void }) {
  const measureRef = useRef<HTMLDivElement>(null);
  const [layout, setLayout] = useState<Layout | null>(null);

  useLayoutEffect(() => {
    let cancelled = false;
    // Fonts change line breaks: measure once they are in.
    // `document.fonts` is missing outside browsers (the component tests' DOM).
    void (document.fonts?.ready ?? Promise.resolve()).then(() => {
      const root = measureRef.current;
      if (cancelled || !root) return;
      const bodyHeight = (o: Orientation) =>
        root.querySelector<HTMLElement>(`[data-probe="${o}"] .plan-doc-body`)!.clientHeight;
      // Room on each page for rounding between the screen's layout and the printer's, about one line of text.
      const SLACK = 16;
      const pageHeight = { portrait: bodyHeight('portrait') - SLACK, landscape: bodyHeight('landscape') - SLACK };
      const measured = flows.map((flow, f) => ({
        pageHeight: pageHeight[flow.orientation],
        blocks: flow.blocks.map((block, b): MeasuredBlock => {
          const element = root.querySelector<HTMLElement>(`[data-block="${f}.${b}"]`)!;
          const height = element.getBoundingClientRect().height;
          if (block.kind === 'atomic') return { kind: 'atomic', height, keepWithNext: block.keepWithNext ?? false };
          const rows =
            block.measureRows?.(element) ??
            Array.from(element.querySelectorAll('[data-row]'), (row) => row.getBoundingClientRect().height);
          return { kind: 'rows', head: height - rows.reduce((sum, h) => sum + h, 0), rows };
        }),
      }));
      const pages = paginate(measured);
      const starts = new Map([...flowStartPages(pages)].map(([f, page]) => [flows[f]!.id, page]));
      setLayout({ pages, starts });
    });
    return () => {
      cancelled = true;
    };
  }, [flows]);

  useLayoutEffect(() => {
    if (layout) onLaidOut?.(layout.pages.length);
  }, [layout, onLaidOut]);

  if (!layout) {
    return (
      <div className="plan-doc-measure" ref={measureRef} aria-hidden="true" inert>
        {(['portrait', 'landscape'] as const).map((orientation) => (
          <div key={orientation}>
            {/* An empty page, for the height its body has; then every block of the orientation, one under another. */}
            <div className={`plan-doc-page plan-doc-${orientation}`} data-probe={orientation}>
              <p className="plan-doc-running">.</p>
              <div className="plan-doc-body" />
              <p className="plan-doc-folio">.</p>
            </div>
            <div className={`plan-doc-page plan-doc-${orientation} plan-doc-column`}>
              <div className="plan-doc-body">
                {flows.map((flow, f) =>
                  flow.orientation !== orientation
                    ? null
                    : flow.blocks.map((block, b) => (
                        <div key={`${flow.id}.${block.key}`} className="plan-doc-block" data-block={`${f}.${b}`}>
                          {block.kind === 'atomic' ? block.node : block.render()}
                        </div>
                      )),
                )}
              </div>
            </div>
          </div>
        ))}
      </div>
    );
  }

  const total = layout.pages.length;
  return (
    <FlowPages.Provider value={layout.starts}>
      {layout.pages.map((page, i) => {
        const flow = flows[page.flow]!;
        return (
          <div key={i} className={`plan-doc-page plan-doc-${flow.orientation}`}>
            <p className="plan-doc-running">{flow.running}</p>
            <div className="plan-doc-body">
              {page.placements.map(({ block: b, rows }) => {
                const block = flow.blocks[b]!;
                return (
                  <div key={`${block.key}.${rows?.from ?? 0}`} className="plan-doc-block">
                    {block.kind === 'atomic' ? block.node : block.render(rows)}
                  </div>
                );
              })}
            </div>
            <p className="plan-doc-folio">{t('planDocument.folio', { page: i + 1, pages: total })}</p>
          </div>
        );
      })}
    </FlowPages.Provider>
  );
}
