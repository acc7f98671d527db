import { cleanup, render, screen, act } from '@testing-library/react';
import { useRef } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { useDocSnapshot } from './useDocSnapshot';

afterEach(cleanup);

const readTitle = (doc: Y.Doc) => String(doc.getMap('m').get('title') ?? '');
let listening = 0;
const observeTitle = (doc: Y.Doc, onChange: () => void) => {
  const map = doc.getMap('m');
  map.observe(onChange);
  listening++;
  return () => {
    map.unobserve(onChange);
    listening--;
  };
};

/** Shows the title; on its first render, a change lands after the read and before React subscribes. */
function Title({ doc, lateChange }: { doc: Y.Doc; lateChange: boolean }) {
  const title = useDocSnapshot(doc, readTitle, observeTitle);
  const first = useRef(true);
  if (first.current && lateChange) doc.getMap('m').set('title', 'llegó tarde');
  first.current = false;
  return <p>{title || 'vacío'}</p>;
}

describe('useDocSnapshot', () => {
  it('shows a change made between the first read and the subscription', () => {
    const doc = new Y.Doc();
    render(<Title doc={doc} lateChange />);
    expect(screen.getByText('llegó tarde')).toBeTruthy();
  });

  it('follows later changes, and stops listening once unmounted', () => {
    const doc = new Y.Doc();
    const { unmount } = render(<Title doc={doc} lateChange={false} />);
    expect(screen.getByText('vacío')).toBeTruthy();
    act(() => doc.getMap('m').set('title', 'Movilidad'));
    expect(screen.getByText('Movilidad')).toBeTruthy();
    expect(listening).toBe(1);
    unmount();
    expect(listening).toBe(0);
  });
});
