import { cleanup, render } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { useLockClosesEditor } from './useLockClosesEditor';

afterEach(cleanup);

function Workspace({ readOnly, startEditing }: { readOnly: boolean; startEditing: boolean }) {
  const [editing, setEditing] = useState(startEditing);
  const closed = useLockClosesEditor(readOnly, editing, () => setEditing(false));
  return (
    <p>
      {editing && !readOnly ? 'editor abierto' : 'sin editor'} · {closed ? 'cerrado por el bloqueo' : 'sin aviso'}
    </p>
  );
}

describe('a node editor open when the tree locks', () => {
  it('closes at once and says why, until the tree opens again; it does not come back by itself', () => {
    const view = render(<Workspace readOnly={false} startEditing />);
    expect(view.container.textContent).toBe('editor abierto · sin aviso');
    view.rerender(<Workspace readOnly startEditing />);
    expect(view.container.textContent).toBe('sin editor · cerrado por el bloqueo');
    view.rerender(<Workspace readOnly={false} startEditing />);
    expect(view.container.textContent).toBe('sin editor · sin aviso');
  });

  it('says nothing when the tree locks with no editor open', () => {
    const view = render(<Workspace readOnly={false} startEditing={false} />);
    view.rerender(<Workspace readOnly startEditing={false} />);
    expect(view.container.textContent).toBe('sin editor · sin aviso');
  });
});
