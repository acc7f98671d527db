import type { ReactNode } from 'react';
import {
  buildCronograma,
  COMMITMENT_FIELD_LABELS as L,
  COMMITMENT_TYPES,
  ODS_NAMES,
  PRINCIPLES,
  spanishMonth,
  THEMES,
  type Cronograma,
  type PlanCommitment,
  type PlanOpenData,
} from '@cocrea/shared';
import { formatDay, formatInstant } from '../../i18n/dates';
import { t } from '../../i18n/t';
import { CronogramaGrid } from '../cronograma/CronogramaGrid';
import { useFlowPage, type DocBlock, type DocFlow } from './PagedDocument';
import { TreePicture, treeWidth } from './TreePicture';

/** Beyond this many months a cronograma gets landscape pages of its own, as in a version's print view. */
const PORTRAIT_MONTHS = 8;
/**
 * A tree wider than this (in the canvas's units, about four nodes side by side) would shrink its text below ~80 % on
 * a portrait page: it goes on a landscape one, half as wide again.
 */
const PORTRAIT_TREE_WIDTH = 900;

type Run = { from: number; to: number } | undefined;
const inRun = (run: Run, i: number) => run === undefined || (i >= run.from && i < run.to);

const heading = (key: string, node: ReactNode): DocBlock => ({ kind: 'atomic', key, keepWithNext: true, node });
const atomic = (key: string, node: ReactNode): DocBlock => ({ kind: 'atomic', key, node });

/** A labelled text: its label is a heading that never leaves it, since both are one block. */
function labelled(key: string, label: string, text: string): DocBlock {
  return atomic(
    key,
    <>
      <h4>{label}</h4>
      <p className="print-text">{text}</p>
    </>,
  );
}

/** The page a commitment starts on, in the index: known once the document is laid out. */
function PageOf({ flowId }: { flowId: string }) {
  return <>{useFlowPage(flowId)}</>;
}

const commitmentFlowId = (c: PlanCommitment) => `compromiso-${c.mesaId}`;

/**
 * The Plan's document (seed 003 §6) as flows of blocks for {@link PagedDocument}: a cover, an index with the page
 * each commitment starts on, then per commitment its problem tree as a picture, its objectives, each line of action
 * with its activities, descriptions and means of verification (seed 004's table), the roadmap, the route, the
 * cronograma, the six criteria and the alignment. Only what the open data publishes is shown.
 */
export function planDocumentFlows(data: PlanOpenData): DocFlow[] {
  const { plan, commitments } = data;
  const running = t('planDocument.running', { plan: plan.title, period: plan.period });
  const cover: DocFlow = {
    id: 'portada',
    running,
    orientation: 'portrait',
    blocks: [
      atomic(
        'portada',
        <div className="plan-doc-cover">
          <p className="print-kicker">{t('planDocument.kicker', { entity: plan.entity })}</p>
          <h1>{plan.title}</h1>
          <p className="plan-doc-period">{t('planDocument.period', { period: plan.period })}</p>
          <p>{t('planDocument.count', { count: commitments.length })}</p>
          {data.updatedAt && (
            <p className="muted">{t('planDocument.updated', { date: formatInstant(data.updatedAt) })}</p>
          )}
          <p className="plan-doc-license">{t('planDocument.license')}</p>
        </div>,
      ),
    ],
  };
  const index: DocFlow = {
    id: 'indice',
    running,
    orientation: 'portrait',
    blocks: [
      heading('titulo', <h2>{t('planDocument.index')}</h2>),
      {
        kind: 'rows',
        key: 'entradas',
        render: (run) => (
          <table className="print-table plan-doc-index">
            <thead>
              <tr>
                <th scope="col" className="col-number">
                  {t('planDocument.index.number')}
                </th>
                <th scope="col">{t('planDocument.index.commitment')}</th>
                <th scope="col" className="col-page">
                  {t('planDocument.index.page')}
                </th>
              </tr>
            </thead>
            <tbody>
              {commitments.map((c, i) =>
                inRun(run, i) ? (
                  <tr key={c.mesaId} data-row>
                    <td>{i + 1}</td>
                    <td>
                      {c.title}
                      <span className="muted"> · {THEMES[c.theme]}</span>
                    </td>
                    <td className="col-page">
                      <PageOf flowId={commitmentFlowId(c)} />
                    </td>
                  </tr>
                ) : null,
              )}
            </tbody>
          </table>
        ),
      },
    ],
  };
  return [cover, index, ...commitments.flatMap((c, i) => commitmentFlows(c, i + 1, plan.title))];
}

function commitmentFlows(c: PlanCommitment, number: number, planTitle: string): DocFlow[] {
  const running = t('planDocument.runningCommitment', { plan: planTitle, number, title: c.title });
  const id = commitmentFlowId(c);
  const cronograma = buildCronograma({
    route: c.route.map((step, i) => ({ ...step, id: `paso-${i + 1}` })),
    linesOfAction: c.linesOfAction,
  });
  const wideCronograma = cronograma.months.length > PORTRAIT_MONTHS;
  const wideTree = c.problemTree !== null && treeWidth(c.problemTree) > PORTRAIT_TREE_WIDTH;
  const opening: DocBlock[] = [
    atomic(
      'encabezado',
      <header className="plan-doc-commitment-head">
        <p className="print-kicker">{t('planDocument.commitmentKicker', { number, theme: THEMES[c.theme] })}</p>
        <h2>{c.title}</h2>
        <p className="print-identity">
          {t('print.identity', { type: COMMITMENT_TYPES[c.type], institution: c.leadInstitution })}
        </p>
        <p className="muted">{t('board.published', { number: c.version, date: formatInstant(c.publishedAt) })}</p>
      </header>,
    ),
    heading('arbol-titulo', <h3>{t('planDocument.tree')}</h3>),
    c.problemTree
      ? atomic('arbol', <TreePicture tree={c.problemTree} />)
      : atomic('arbol', <p className="muted">{t('planDocument.noTree')}</p>),
  ];
  const body: DocBlock[] = [
    heading('objetivos-titulo', <h3>{t('planDocument.objectives')}</h3>),
    labelled('problema', L.problem, c.problem),
    labelled('largo-plazo', L.longTermObjective, c.longTermObjective),
    labelled('compromiso', L.commitment, c.commitment),
    ...c.linesOfAction.flatMap((line, l) => lineBlocks(line, l + 1)),
    heading('hoja-de-ruta-titulo', <h3>{t('commitment.roadmap')}</h3>),
    roadmapBlock(c),
    ...routeBlocks(c),
  ];
  const rest: DocBlock[] = [...criteriaBlocks(c), ...alignmentBlocks(c)];
  // A wide tree or cronograma gets landscape pages, the rest stays portrait; the first flow is where the index points.
  const flows: DocFlow[] = wideTree
    ? [
        { id, running, orientation: 'landscape', blocks: opening },
        { id: `${id}-texto`, running, orientation: 'portrait', blocks: body },
      ]
    : [{ id, running, orientation: 'portrait', blocks: [...opening, ...body] }];
  if (!wideCronograma) {
    flows.at(-1)!.blocks.push(...cronogramaBlocks(cronograma), ...rest);
    return flows;
  }
  return [
    ...flows,
    { id: `${id}-cronograma`, running, orientation: 'landscape', blocks: cronogramaBlocks(cronograma) },
    { id: `${id}-criterios`, running, orientation: 'portrait', blocks: rest },
  ];
}

/** A line of action in seed 004's layout: its title, then activity / description / means of verification. */
function lineBlocks(line: PlanCommitment['linesOfAction'][number], number: number): DocBlock[] {
  return [
    heading(`linea-${line.id}`, <h3>{t('print.line', { number })}</h3>),
    // The line's title goes over with its table too: it names what the table lists.
    heading(`linea-${line.id}-titulo`, <p className="print-text">{line.title}</p>),
    {
      kind: 'rows',
      key: `linea-${line.id}-actividades`,
      render: (run) => (
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
            {line.activities.map((activity, a) =>
              inRun(run, a) ? (
                <tr key={activity.id} data-row>
                  <td>
                    {a + 1}. {activity.title}
                  </td>
                  <td>{activity.objective}</td>
                  <td>{activity.verification}</td>
                  <td>
                    {formatDay(activity.startDate)} – {formatDay(activity.endDate)}
                  </td>
                </tr>
              ) : null,
            )}
          </tbody>
        </table>
      ),
    },
  ];
}

/** The roadmap's eight elements as headed rows; the co-responsible organisation, never its person. */
function roadmapBlock(c: PlanCommitment): DocBlock {
  const { roadmap } = c;
  const verifications = [...new Set(c.linesOfAction.flatMap((line) => line.activities.map((a) => a.verification)))];
  const activities = c.linesOfAction.reduce((sum, line) => sum + line.activities.length, 0);
  const rows: [string, ReactNode][] = [
    [
      L.responsibles,
      <ul>
        {roadmap.responsibles.map((person, i) => (
          <li key={i}>
            {person.name}, {person.position}, {person.institution}
          </li>
        ))}
      </ul>,
    ],
    [t('board.coResponsible'), roadmap.coResponsibleOrganization],
    [t('print.activities'), t('print.activitiesSummary', { lines: c.linesOfAction.length, activities })],
    [L.finalResult, roadmap.finalResult],
    [
      L.products,
      <ul>
        {roadmap.products.map((product, i) => (
          <li key={i}>{product}</li>
        ))}
      </ul>,
    ],
    [
      L.indicators,
      <ul>
        {roadmap.indicators.map((indicator, i) => (
          <li key={i}>
            {indicator.name}
            {indicator.formula && ` · ${L['indicators.*.formula']}: ${indicator.formula}`}
            {indicator.goal && ` · ${L['indicators.*.goal']}: ${indicator.goal}`}
          </li>
        ))}
      </ul>,
    ],
    [t('print.verification'), verifications.join(' · ')],
    [t('print.dates'), `${formatDay(roadmap.startDate)} – ${formatDay(roadmap.endDate)}`],
  ];
  return {
    kind: 'rows',
    key: 'hoja-de-ruta',
    render: (run) => (
      <table className="print-table print-roadmap-table">
        <tbody>
          {rows.map(([label, value], i) =>
            inRun(run, i) ? (
              <tr key={label} data-row>
                <th scope="row">{label}</th>
                <td>{value}</td>
              </tr>
            ) : null,
          )}
        </tbody>
      </table>
    ),
  };
}

function routeBlocks(c: PlanCommitment): DocBlock[] {
  if (c.route.length === 0) return [];
  return [
    heading('ruta-titulo', <h3>{L.route}</h3>),
    {
      kind: 'rows',
      key: 'ruta',
      render: (run) => (
        <ol className="plan-doc-route" start={(run?.from ?? 0) + 1}>
          {c.route.map((step, i) =>
            inRun(run, i) ? (
              <li key={i} data-row>
                {step.text}
                {step.startMonth && step.endMonth && (
                  <span className="muted">
                    {' '}
                    {t('cronograma.period', { from: spanishMonth(step.startMonth), to: spanishMonth(step.endMonth) })}
                  </span>
                )}
              </li>
            ) : null,
          )}
        </ol>
      ),
    },
  ];
}

/**
 * The cronograma, split between its groups (the route, each line of action): a group's header row stays with its
 * rows. The grid's columns are fixed in the document, so a run of groups is as tall as when it was measured.
 */
function cronogramaBlocks(cronograma: Cronograma): DocBlock[] {
  if (cronograma.months.length === 0) return [];
  return [
    heading('cronograma-titulo', <h3>{t('cronograma.title')}</h3>),
    {
      kind: 'rows',
      key: 'cronograma',
      // A group's height: its header row and its rows, as the whole grid drew them.
      measureRows: (element) => {
        const heights = Array.from(element.querySelectorAll('tbody > tr'), (tr) => tr.getBoundingClientRect().height);
        let next = 0;
        return cronograma.groups.map((group) =>
          heights.slice(next, (next += group.rows.length + 1)).reduce((sum, h) => sum + h, 0),
        );
      },
      render: (run) => (
        <div className="plan-doc-cronograma">
          <CronogramaGrid
            cronograma={{ months: cronograma.months, groups: cronograma.groups.filter((_, g) => inRun(run, g)) }}
            caption={t('cronograma.caption')}
          />
        </div>
      ),
    },
  ];
}

function criteriaBlocks(c: PlanCommitment): DocBlock[] {
  return [
    heading('criterios-titulo', <h3>{t('commitment.criteria')}</h3>),
    {
      kind: 'rows',
      key: 'criterios',
      render: (run) => (
        <table className="print-table">
          <thead>
            <tr>
              <th scope="col">{L['criteria.*']}</th>
              <th scope="col" className="col-met">
                {L['criteria.*.met']}
              </th>
              <th scope="col">{L['criteria.*.note']}</th>
            </tr>
          </thead>
          <tbody>
            {c.criteria.map((criterion, i) =>
              inRun(run, i) ? (
                <tr key={criterion.id} data-row>
                  <th scope="row">
                    {criterion.id}. {criterion.title}
                  </th>
                  <td>{criterion.met ? t('commitment.criteria.yes') : t('commitment.criteria.no')}</td>
                  <td>{criterion.note}</td>
                </tr>
              ) : null,
            )}
          </tbody>
        </table>
      ),
    },
  ];
}

function alignmentBlocks(c: PlanCommitment): DocBlock[] {
  return [
    heading('alineacion-titulo', <h3>{t('planDocument.alignment')}</h3>),
    labelled('principios', L.principles, c.principles.map((p) => PRINCIPLES[p]).join(', ')),
    labelled('ods', L.ods, c.ods.length > 0 ? c.ods.map((n) => `${n}. ${ODS_NAMES[n]}`).join(' · ') : t('print.none')),
    labelled('genero', L.genderPerspective, c.genderPerspective),
    labelled('prioridades', L.statePriorities, c.statePriorities),
  ];
}
