import { useId, useState, type FormEvent } from 'react';
import {
  COMPLETION_LABELS,
  COMPLETION_LEVELS,
  THEMES,
  type BoardPlan,
  type BoardQuery,
  type CompletionLevel,
  type Theme,
} from '@cocrea/shared';
import { t } from '../../i18n/t';

interface BoardSearchProps {
  query: BoardQuery;
  plans: readonly BoardPlan[];
  institutions: readonly string[];
  /** A new search from its first page. */
  onSearch(query: BoardQuery): void;
}

/** The board's search by words and its filters by theme, progress, institution and plan; sent with one button. */
export function BoardSearch({ query, plans, institutions, onSearch }: BoardSearchProps) {
  const id = useId();
  const [q, setQ] = useState(query.q ?? '');
  const [theme, setTheme] = useState<string>(query.theme ?? '');
  const [status, setStatus] = useState<string>(query.status ?? '');
  const [institution, setInstitution] = useState(query.institution ?? '');
  const [plan, setPlan] = useState(query.plan ?? '');

  function submit(event: FormEvent) {
    event.preventDefault();
    onSearch({
      q: q.trim() || undefined,
      theme: (theme || undefined) as Theme | undefined,
      status: (status || undefined) as CompletionLevel | undefined,
      institution: institution || undefined,
      plan: plan || undefined,
      page: 1,
    });
  }

  function clear() {
    setQ('');
    setTheme('');
    setStatus('');
    setInstitution('');
    setPlan('');
    onSearch({ page: 1 });
  }

  return (
    <form className="board-search" role="search" aria-labelledby={`${id}-title`} onSubmit={submit}>
      <h2 id={`${id}-title`}>{t('board.search.title')}</h2>
      <div className="board-search-q">
        <label htmlFor={`${id}-q`}>{t('board.search.q')}</label>
        <p className="field-hint" id={`${id}-q-hint`}>
          {t('board.search.hint')}
        </p>
        <input
          id={`${id}-q`}
          type="search"
          value={q}
          maxLength={200}
          onChange={(e) => setQ(e.target.value)}
          aria-describedby={`${id}-q-hint`}
        />
      </div>
      <div className="board-filters">
        <div>
          <label htmlFor={`${id}-theme`}>{t('board.filter.theme')}</label>
          <select id={`${id}-theme`} value={theme} onChange={(e) => setTheme(e.target.value)}>
            <option value="">{t('board.filter.anyTheme')}</option>
            {Object.entries(THEMES).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-status`}>{t('board.filter.status')}</label>
          <select id={`${id}-status`} value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">{t('board.filter.anyStatus')}</option>
            {COMPLETION_LEVELS.map((level) => (
              <option key={level} value={level}>
                {COMPLETION_LABELS[level]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-institution`}>{t('board.filter.institution')}</label>
          <select id={`${id}-institution`} value={institution} onChange={(e) => setInstitution(e.target.value)}>
            <option value="">{t('board.filter.anyInstitution')}</option>
            {institutions.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </div>
        {plans.length > 1 && (
          <div>
            <label htmlFor={`${id}-plan`}>{t('board.filter.plan')}</label>
            <select id={`${id}-plan`} value={plan} onChange={(e) => setPlan(e.target.value)}>
              <option value="">{t('board.filter.anyPlan')}</option>
              {plans.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.title}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      <div className="board-search-actions">
        <button type="submit" className="primary">
          {t('board.search.submit')}
        </button>
        <button type="button" onClick={clear}>
          {t('board.search.clear')}
        </button>
      </div>
    </form>
  );
}
