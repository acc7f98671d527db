import { useCallback, useEffect, useState } from 'react';
import {
  commitmentRows,
  CRITERIA,
  CRITERION_IDS,
  COMMITMENT_FIELD_LABELS as L,
  ODS_NAMES,
  PRINCIPLES,
  THEMES,
  toCsv,
  versionStageLabel,
  wellFormedJson,
  type CommitmentVersion,
  type Mesa,
} from '@cocrea/shared';
import { fetchCommitmentVersion } from '../../api/commitment';
import { fetchSession } from '../../api/mesas';
import { ApiFailure } from '../../api/request';
import { downloadText } from '../../files/download';
import { t } from '../../i18n/t';
import { loadCredentials } from '../../session/credentials';
import { formatDay, formatInstant } from '../../i18n/dates';

type State =
  { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; version: CommitmentVersion; mesa: Mesa };

/**
 * One saved version of the commitment laid out for A4 paper, lines of action as activity / description / means
 * of verification tables as in the methodology's finished commitments; "Imprimir" gives a PDF through the
 * browser. No names appear but the responsible servants' and the co-responsible organisation's.
 */
export function VersionPrint({ mesaId, number }: { mesaId: string; number: number }) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const load = useCallback(async () => {
    setState({ kind: 'loading' });
    const credentials = loadCredentials(mesaId);
    if (!credentials) return setState({ kind: 'error', message: t('error.noToken') });
    try {
      const [version, session] = await Promise.all([
        fetchCommitmentVersion(mesaId, credentials.token, number),
        fetchSession(mesaId, credentials.token, null),
      ]);
      setState({ kind: 'ready', version, mesa: session.mesa });
    } catch (error) {
      setState({ kind: 'error', message: error instanceof ApiFailure ? error.message : t('error.generic') });
    }
  }, [mesaId, number]);
  useEffect(() => {
    void load();
  }, [load]);

  if (state.kind === 'loading') {
    return (
      <main className="page-center" aria-busy="true">
        <p className="loading">{t('print.loading')}</p>
      </main>
    );
  }
  if (state.kind === 'error') {
    return (
      <main className="page-center">
        <div className="card" role="alert">
          <h1>{t('print.error')}</h1>
          <p>{state.message}</p>
          <button type="button" onClick={() => void load()}>
            {t('error.retry')}
          </button>
        </div>
      </main>
    );
  }

  const { version, mesa } = state;
  const c = version.commitment;
  const fileBase = `compromiso-${mesa.id}-v${version.number}`;
  const verifications = c.linesOfAction.flatMap((line) => line.activities.map((a) => a.verification));
  return (
    <main className="print-page">
      <nav className="print-actions" aria-label={t('print.actions')}>
        <button type="button" className="primary" onClick={() => window.print()}>
          {t('print.print')}
        </button>
        <button
          type="button"
          onClick={() => downloadText(`${fileBase}.json`, 'application/json', wellFormedJson(version, 2))}
        >
          {t('print.json')}
        </button>
        <button
          type="button"
          onClick={() =>
            downloadText(
              `${fileBase}.csv`,
              'text/csv;charset=utf-8',
              toCsv([[t('print.csv.field'), t('print.csv.value')], ...commitmentRows(c)]),
            )
          }
        >
          {t('print.csv')}
        </button>
      </nav>

      <article className="print-sheet">
        <header className="print-header">
          <p className="print-kicker">{t('print.kicker', { theme: THEMES[c.theme] })}</p>
          <h1>{t('print.title')}</h1>
          <p className="muted">
            {mesa.title} · {t('print.version', { number: version.number })} · {formatInstant(version.savedAt)} ·{' '}
            {versionStageLabel(version.stage)}
          </p>
        </header>

        <section>
          <h2>{L.problem}</h2>
          <p className="print-text">{c.problem}</p>
          <h2>{L.longTermObjective}</h2>
          <p className="print-text">{c.longTermObjective}</p>
          <h2>{L.commitment}</h2>
          <p className="print-text">{c.commitment}</p>
        </section>

        {c.linesOfAction.map((line, l) => (
          <section key={line.id} className="print-line">
            <h2>{t('print.line', { number: l + 1 })}</h2>
            <p className="print-text">{line.title}</p>
            <table className="print-table">
              <caption>{t('print.activities')}</caption>
              <thead>
                <tr>
                  <th scope="col" className="col-activity">
                    {t('print.activity')}
                  </th>
                  <th scope="col" className="col-objective">
                    {L['linesOfAction.*.activities.*.objective']}
                  </th>
                  <th scope="col" className="col-verification">
                    {L['linesOfAction.*.activities.*.verification']}
                  </th>
                  <th scope="col" className="col-period">
                    {t('print.period')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {line.activities.map((activity, a) => (
                  <tr key={activity.id}>
                    <td>
                      {a + 1}. {activity.title}
                    </td>
                    <td>{activity.objective}</td>
                    <td>{activity.verification}</td>
                    <td>
                      {formatDay(activity.startDate)} –<br />
                      {formatDay(activity.endDate)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}

        <section className="print-roadmap">
          <h2>{t('commitment.roadmap')}</h2>
          <table className="print-table print-roadmap-table">
            <tbody>
              <tr>
                <th scope="row">{L.responsibles}</th>
                <td>
                  <ul>
                    {c.responsibles.map((person) => (
                      <li key={person.id}>
                        {person.name}, {person.position}, {person.institution}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
              <tr>
                <th scope="row">{L.coResponsible}</th>
                <td>
                  {c.coResponsible.organization} ({c.coResponsible.person})
                </td>
              </tr>
              <tr>
                <th scope="row">{t('print.activities')}</th>
                <td>
                  {t('print.activitiesSummary', { lines: c.linesOfAction.length, activities: verifications.length })}
                </td>
              </tr>
              <tr>
                <th scope="row">{L.finalResult}</th>
                <td>{c.finalResult}</td>
              </tr>
              <tr>
                <th scope="row">{L.products}</th>
                <td>
                  <ul>
                    {c.products.map((product) => (
                      <li key={product.id}>{product.text}</li>
                    ))}
                  </ul>
                </td>
              </tr>
              <tr>
                <th scope="row">{L.indicators}</th>
                <td>
                  <ul>
                    {c.indicators.map((indicator) => (
                      <li key={indicator.id}>
                        {indicator.name}
                        {indicator.formula && ` · ${L['indicators.*.formula']}: ${indicator.formula}`}
                        {indicator.goal && ` · ${L['indicators.*.goal']}: ${indicator.goal}`}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
              <tr>
                <th scope="row">{t('print.verification')}</th>
                <td>{[...new Set(verifications)].join(' · ')}</td>
              </tr>
              <tr>
                <th scope="row">{t('print.dates')}</th>
                <td>
                  {formatDay(c.startDate)} – {formatDay(c.endDate)}
                </td>
              </tr>
            </tbody>
          </table>
        </section>

        <section>
          <h2>{L.principles}</h2>
          <p>{c.principles.map((p) => PRINCIPLES[p]).join(', ')}</p>
          <h2>{L.ods}</h2>
          <p>{c.ods.length > 0 ? c.ods.map((n) => `${n}. ${ODS_NAMES[n]}`).join(' · ') : t('print.none')}</p>
          <h2>{L.genderPerspective}</h2>
          <p className="print-text">{c.genderPerspective}</p>
          <h2>{L.statePriorities}</h2>
          <p className="print-text">{c.statePriorities}</p>
        </section>

        <section>
          <h2>{t('commitment.criteria')}</h2>
          <table className="print-table">
            <thead>
              <tr>
                <th scope="col">{L['criteria.*']}</th>
                <th scope="col">{L['criteria.*.met']}</th>
                <th scope="col">{L['criteria.*.note']}</th>
              </tr>
            </thead>
            <tbody>
              {CRITERION_IDS.map((id) => (
                <tr key={id}>
                  <th scope="row">
                    {id}. {CRITERIA[id].title}
                  </th>
                  <td>{c.criteria[id].met ? t('commitment.criteria.yes') : t('commitment.criteria.no')}</td>
                  <td>{c.criteria[id].note}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>

        <footer className="print-footer">
          <p>{t('print.hash', { hash: version.contentHash.slice(0, 16) })}</p>
        </footer>
      </article>
    </main>
  );
}
