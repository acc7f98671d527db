import { useId, useState, type FormEvent } from 'react';
import { DEFAULT_PRIVACY_NOTICE, createPlanSchema, type Plan } from '@cocrea/shared';
import { createPlan } from '../../api/plan';
import { t } from '../../i18n/t';
import { useSubmit } from '../../ui/useSubmit';
import { Field, TextAreaField } from '../../ui/Field';

/** A new Plan de Acción Local: title, period, entity and the privacy notice its registrants accept. */
export function PlanCreateForm({ csrfToken, onCreated }: { csrfToken: string; onCreated(plan: Plan): void }) {
  const id = useId();
  const [title, setTitle] = useState('');
  const [period, setPeriod] = useState('');
  const [entity, setEntity] = useState('');
  const [privacyNotice, setPrivacyNotice] = useState(DEFAULT_PRIVACY_NOTICE);
  const { errors, failure, busy, submit } = useSubmit(createPlanSchema, (input) => createPlan(csrfToken, input));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const created = await submit({ title, period, entity, privacyNotice });
    if (created) onCreated(created.plan);
  }

  return (
    <form className="join stl-form" onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('plan.create.title')}</h2>
      <Field
        label={t('plan.field.title')}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        error={errors.title}
      />
      <Field
        label={t('plan.field.period')}
        hint={t('plan.field.periodHint')}
        value={period}
        onChange={(e) => setPeriod(e.target.value)}
        error={errors.period}
        inputMode="numeric"
      />
      <Field
        label={t('plan.field.entity')}
        hint={t('plan.field.entityHint')}
        value={entity}
        onChange={(e) => setEntity(e.target.value)}
        error={errors.entity}
      />
      <TextAreaField
        label={t('plan.field.privacyNotice')}
        hint={t('plan.field.privacyNoticeHint')}
        value={privacyNotice}
        onChange={(e) => setPrivacyNotice(e.target.value)}
        error={errors.privacyNotice}
        rows={8}
      />
      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('plan.create.submitting') : t('plan.create.submit')}
      </button>
    </form>
  );
}
