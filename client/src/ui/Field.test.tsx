import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Field, TextAreaField } from './Field';

afterEach(cleanup);

describe('Field and TextAreaField', () => {
  it.each([
    ['an input', () => <Field label="Correo" hint="Opcional." error="Escriba un correo válido." />],
    ['a textarea', () => <TextAreaField label="Aviso" hint="Opcional." error="Escriba el aviso." />],
  ])('tie %s to its label, and its hint and error to it', (_kind, field) => {
    render(field());
    const control = screen.getByLabelText(/Correo|Aviso/);
    expect(control.getAttribute('aria-invalid')).toBe('true');
    const described = (control.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id));
    expect(described.map((p) => p?.textContent)).toEqual(['Opcional.', expect.stringMatching(/^Escriba/)]);
  });

  it('say nothing more when there is no hint or error', () => {
    render(<Field label="Nombre" defaultValue="Ana" />);
    const control = screen.getByLabelText('Nombre') as HTMLInputElement;
    expect(control.value).toBe('Ana');
    expect(control.getAttribute('aria-invalid')).toBe('false');
    expect(control.hasAttribute('aria-describedby')).toBe(false);
  });
});
