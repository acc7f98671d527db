import { useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { fillLinesFromMeans, objectiveText, type TreeNode } from '@cocrea/shared';
import { t } from '../../i18n/t';
import type { MesaConnection } from '../../sync/MesaConnection';
import { useCommitmentDraft } from '../commitment/useCommitmentDraft';
import { bindTextarea } from '../sharedText/bindTextarea';
import { useLockClosesEditor } from '../tree/useLockClosesEditor';
import { useTree } from '../tree/useTree';
import { useTreeRanking } from '../votes/VoteContext';
import { VoteDots } from '../votes/VoteDots';
import { VoteRank } from '../votes/VoteRank';

/** Votes that put dots on a means here (a vote on causes puts them on the canvas's nodes). */
const MEANS_VOTES = ['medio'] as const;

interface ObjectivesTreeProps {
  connection: MesaConnection;
  /** Rewording writes to the tree: observers, or the tree's lock. */
  treeReadOnly: boolean;
  /** Pre-filling writes lines of action: observers, or the commitment's lock. */
  commitmentReadOnly: boolean;
}

/**
 * The problem tree mirrored as an objectives tree (Etapa 4): the problem becomes the objective, causes become
 * means, effects become ends. The group rewords each item in positive form, in shared text, and turns the means
 * it chooses into lines of action of the commitment.
 */
export function ObjectivesTree({ connection, treeReadOnly, commitmentReadOnly }: ObjectivesTreeProps) {
  const { doc } = connection;
  const tree = useTree(doc);
  const draft = useCommitmentDraft(doc);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [filled, setFilled] = useState<number | null>(null);
  // Someone typing an objective when the tree locks: the field turns read-only at once, and this says why.
  const [typing, setTyping] = useState(false);
  const lockedWhileTyping = useLockClosesEditor(treeReadOnly, typing, () => setTyping(false));

  const inLines = new Map(draft.linesOfAction.map((line, i) => [line.meansId, i + 1]));
  const ends = tree.root.children.filter((node) => node.kind === 'efecto');
  const means = tree.root.children.filter((node) => node.kind === 'causa');
  const chosenMeans = [...tree.nodes.values()].filter((node) => chosen.has(node.id) && node.kind === 'causa');

  const toggle = (id: string, on: boolean) =>
    setChosen((previous) => {
      const next = new Set(previous);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const fill = () => {
    const ids = fillLinesFromMeans(
      doc,
      chosenMeans.map((node) => ({ id: node.id, text: (node.objective || node.text).trim() })),
    );
    setFilled(ids.length);
    setChosen(new Set());
  };

  const row = (node: TreeNode) => (
    <ObjectiveRow
      key={node.id}
      doc={doc}
      node={node}
      readOnly={treeReadOnly}
      choice={
        node.kind === 'causa'
          ? {
              chosen: chosen.has(node.id),
              line: inLines.get(node.id) ?? null,
              onToggle: toggle,
              disabled: commitmentReadOnly,
            }
          : null
      }
    />
  );

  return (
    <section
      className="objectives card"
      aria-labelledby="objetivos-titulo"
      onFocus={(e) => setTyping(e.target instanceof HTMLInputElement && e.target.type === 'text' && !e.target.readOnly)}
      onBlur={() => setTyping(false)}
    >
      <h2 id="objetivos-titulo">{t('objectives.title')}</h2>
      <p className={lockedWhileTyping ? 'banner-info' : 'visually-hidden'} role="status">
        {lockedWhileTyping ? t('objectives.editorClosed') : ''}
      </p>
      <p className="field-hint">{t('objectives.intro')}</p>
      <h3 className="objectives-band band-ends">{t('objectives.ends')}</h3>
      {ends.length === 0 ? (
        <p className="empty">{t('objectives.noEnds')}</p>
      ) : (
        <ul className="objectives-list">
          {ends.map((n) => (
            <Branch key={n.id} node={n} row={row} />
          ))}
        </ul>
      )}
      <h3 className="objectives-band band-objective">{t('objectives.objective')}</h3>
      <ul className="objectives-list">{row(tree.root)}</ul>
      <h3 className="objectives-band band-means">{t('objectives.means')}</h3>
      {means.length === 0 ? (
        <p className="empty">{t('objectives.noMeans')}</p>
      ) : (
        <ul className="objectives-list">
          {means.map((n) => (
            <Branch key={n.id} node={n} row={row} />
          ))}
        </ul>
      )}
      <div className="objectives-actions">
        <button
          type="button"
          className="primary"
          onClick={fill}
          disabled={commitmentReadOnly || chosenMeans.length === 0}
        >
          {t('objectives.fill', { count: chosenMeans.length })}
        </button>
        <p role="status" aria-live="polite" className="muted">
          {filled !== null && t('objectives.filled', { count: filled })}
        </p>
      </div>
    </section>
  );
}

/** A node's row followed by its children's, nested as in the problem tree. */
function Branch({ node, row }: { node: TreeNode; row: (node: TreeNode) => React.ReactNode }) {
  return (
    <>
      {row(node)}
      {node.children.length > 0 && (
        <li className="objectives-children">
          <ul className="objectives-list">
            {node.children.map((child) => (
              <Branch key={child.id} node={child} row={row} />
            ))}
          </ul>
        </li>
      )}
    </>
  );
}

interface ObjectiveRowProps {
  doc: Y.Doc;
  node: TreeNode;
  readOnly: boolean;
  /** Means only: whether it is chosen for a line of action, and the line it already has. */
  choice: { chosen: boolean; line: number | null; onToggle(id: string, on: boolean): void; disabled: boolean } | null;
}

function ObjectiveRow({ doc, node, readOnly, choice }: ObjectiveRowProps) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    // Read-only rows show the text without binding: binding may create a missing text, which is a write.
    if (!input.current || readOnly) return;
    return bindTextarea(input.current, objectiveText(doc, node.id));
  }, [doc, node.id, readOnly]);
  const id = `objetivo-${node.id}`;
  const kind = t(`objectives.kind.${node.kind}`);
  const ranking = useTreeRanking();
  return (
    <li className={`objective-row kind-${node.kind}`}>
      <label htmlFor={id}>
        <span className="objective-kind">{kind}</span>{' '}
        <span className="objective-source">
          {t('objectives.from', { text: node.text.trim() || t('objectives.untitled') })}
        </span>
      </label>
      {node.kind === 'causa' && (
        <>
          <VoteRank result={ranking?.get(node.id)} />
          <VoteDots itemId={node.id} label={() => (node.objective || node.text).trim()} targets={MEANS_VOTES} />
        </>
      )}
      {readOnly ? (
        <input id={id} type="text" readOnly value={node.objective} placeholder={t('objectives.placeholder')} />
      ) : (
        <input id={id} ref={input} type="text" placeholder={t('objectives.placeholder')} />
      )}
      {choice &&
        (choice.line !== null ? (
          <span className="objective-line">{t('objectives.hasLine', { number: choice.line })}</span>
        ) : (
          <label className="choice">
            <input
              type="checkbox"
              checked={choice.chosen}
              disabled={choice.disabled}
              onChange={(event) => choice.onToggle(node.id, event.target.checked)}
            />
            {t('objectives.choose')}
          </label>
        ))}
    </li>
  );
}
