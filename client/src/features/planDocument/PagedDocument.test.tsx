import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BOARD_LICENSE, planCommitment, publicCommitment, type PlanOpenData } from '@cocrea/shared';
import { seed004Commitment } from '@cocrea/shared/fixtures/seed004';
import { PagedDocument } from './PagedDocument';
import { planDocumentFlows } from './planDocumentFlows';

/**
 * The DOM of the tests lays nothing out, so heights are given: a page's body is 500 px, a row 30 px, any other
 * block 100 px plus its rows. What is checked is the plumbing from measuring to the pages drawn: every page's
 * header and folio, and the index's page numbers against where each commitment really starts.
 */
const BODY = 500;
const ROW = 30;

function data(): PlanOpenData {
  const commitments = ['Apertura municipal', 'Transporte seguro'].map((title, i) =>
    planCommitment(
      publicCommitment({
        mesa: { id: `mesaDePrueba000${i}`, title: `Mesa ${i + 1}` },
        plan: { id: 'planDePrueba0001', title: 'Plan de prueba' },
        version: 1,
        publishedAt: '2026-12-01T18:00:00.000Z',
        commitment: { ...seed004Commitment, title },
        progress: [],
      }),
      seed004Commitment,
      { kind: 'problema', text: 'Baja apertura', children: [{ kind: 'causa', text: 'Sin estudios', children: [] }] },
    ),
  );
  return {
    license: BOARD_LICENSE,
    plan: { id: 'planDePrueba0001', title: 'Plan de prueba', period: '2026–2028', entity: 'Estado de México' },
    updatedAt: '2026-12-01T18:00:00.000Z',
    commitments,
  };
}

beforeEach(() => {
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function (this: HTMLElement) {
    return this.classList.contains('plan-doc-body') ? BODY : 0;
  });
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
    const height = this.hasAttribute('data-row')
      ? ROW
      : this.hasAttribute('data-block')
        ? 100 + ROW * this.querySelectorAll('[data-row]').length
        : 0;
    return { height, width: 0, x: 0, y: 0, top: 0, left: 0, right: 0, bottom: height, toJSON: () => ({}) };
  });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('the Plan’s document on pages', () => {
  it('numbers every page, heads it, and indexes where each commitment starts', async () => {
    let laidOut = 0;
    const { container } = render(
      <PagedDocument flows={planDocumentFlows(data())} onLaidOut={(pages) => (laidOut = pages)} />,
    );
    await waitFor(() => expect(laidOut).toBeGreaterThan(0));
    const pages = [...container.querySelectorAll('.plan-doc-page')];
    expect(pages).toHaveLength(laidOut);
    // Cover, index, and each commitment over several pages of 500 px.
    expect(laidOut).toBeGreaterThan(6);
    pages.forEach((page, i) => {
      expect(page.querySelector('.plan-doc-folio')!.textContent).toBe(`Página ${i + 1} de ${laidOut}`);
      expect(page.querySelector('.plan-doc-running')!.textContent).toMatch(/^Plan de prueba · /);
    });
    const starts = [...container.querySelectorAll('.plan-doc-index tbody tr')].map((row) =>
      Number(row.querySelectorAll('td')[2]!.textContent),
    );
    expect(starts).toHaveLength(2);
    ['Apertura municipal', 'Transporte seguro'].forEach((title, k) => {
      const page = pages[starts[k]! - 1]!;
      expect(page.querySelector('h2')!.textContent).toBe(title);
      expect(page.querySelector('.plan-doc-running')!.textContent).toBe(
        `Plan de prueba · Compromiso ${k + 1}: ${title}`,
      );
    });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Plan de prueba');
    // The measuring pass is gone.
    expect(container.querySelector('.plan-doc-measure')).toBeNull();
  });
});
