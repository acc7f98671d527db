import { useId, useState, type FormEvent } from 'react';
import { THEMES, createMesaSchema, type CreatedMesa } from '@cocrea/shared';
import { t } from '../../i18n/t';
import { Field } from '../../ui/Field';
import { createMesa } from '../../api/stl';
import { useSubmit } from '../../ui/useSubmit';

interface Props {
  csrfToken: string;
  onCreated(created: CreatedMesa): void;
  /** A compromiso proactivo proposed in this plan, instead of a mesa: the same fields, named as the STL says them. */
  proactiveIn?: string;
}

/** A new mesa (or compromiso proactivo): title, theme and date. Its three links come back once, to `onCreated`. */
export function MesaCreateForm({ csrfToken, onCreated, proactiveIn }: Props) {
  const id = useId();
  const proactive = proactiveIn !== undefined;
  const [title, setTitle] = useState('');
  const [theme, setTheme] = useState('');
  const [date, setDate] = useState('');
  const { errors, failure, busy, submit } = useSubmit(createMesaSchema, (input) => createMesa(csrfToken, input));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const created = await submit(
      proactive ? { title, theme, date, planId: proactiveIn, kind: 'proactivo' } : { title, theme, date },
    );
    if (!created) return;
    setTitle('');
    setTheme('');
    setDate('');
    onCreated(created);
  }

  return (
    <form className="join stl-form" onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t(proactive ? 'proactive.create.title' : 'stl.create.title')}</h2>
      {proactive && <p className="muted">{t('proactive.create.intro')}</p>}
      <Field
        label={t(proactive ? 'proactive.create.name' : 'stl.create.mesaTitle')}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        error={errors.title}
      />
      <label htmlFor={`${id}-theme`}>{t(proactive ? 'proactive.create.axis' : 'stl.create.theme')}</label>
      <select
        id={`${id}-theme`}
        value={theme}
        onChange={(e) => setTheme(e.target.value)}
        aria-invalid={Boolean(errors.theme)}
        aria-describedby={errors.theme ? `${id}-theme-error` : undefined}
      >
        <option value="">{t(proactive ? 'proactive.create.axisPlaceholder' : 'stl.create.themePlaceholder')}</option>
        {Object.entries(THEMES).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      {errors.theme && (
        <p className="field-error" id={`${id}-theme-error`}>
          {errors.theme}
        </p>
      )}
      <Field
        label={t(proactive ? 'proactive.create.date' : 'stl.create.date')}
        type="date"
        value={date}
        onChange={(e) => setDate(e.target.value)}
        error={errors.date}
      />
      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('stl.create.submitting') : t(proactive ? 'proactive.create.submit' : 'stl.create.submit')}
      </button>
    </form>
  );
}
