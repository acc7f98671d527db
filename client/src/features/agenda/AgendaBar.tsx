import { lazy, useState } from 'react';
import { t } from '../../i18n/t';
import { CodeBoundary } from '../../ui/CodeBoundary';
import { FacilitatorControls } from './FacilitatorControls';
import { FollowControls } from './FollowControls';
import { ScheduleView } from './ScheduleView';
import { StageBanner } from './StageBanner';
import { ToolLocks } from './ToolLocks';
import { useAgendaRoom } from './useAgendaRoom';

// Only the facilitator edits the agenda, and only now and then: its editor downloads when first opened.
const AgendaEditor = lazy(() => import('./AgendaEditor').then((module) => ({ default: module.AgendaEditor })));

/**
 * Everything of the agenda above the workspace: the stage banner, the tools and follow state, the guide and
 * schedule, and for the facilitator the timer's controls and the agenda editor.
 */
export function AgendaBar() {
  const { role, snapshot, guideOpen, setGuideOpen } = useAgendaRoom();
  const [dialog, setDialog] = useState<'editor' | 'schedule' | null>(null);
  return (
    <section className="agenda-bar" aria-label={t('agenda.bar')}>
      <StageBanner />
      {snapshot !== null && (
        <div className="agenda-tools">
          <ToolLocks />
          <span className="toolbar-spacer" />
          <FollowControls />
          <button type="button" aria-pressed={guideOpen} onClick={() => setGuideOpen(!guideOpen)}>
            {t('agenda.guide')}
          </button>
          <button type="button" onClick={() => setDialog('schedule')}>
            {t('agenda.schedule')}
          </button>
        </div>
      )}
      {role === 'facilitator' && <FacilitatorControls onEditAgenda={() => setDialog('editor')} />}
      {dialog === 'editor' && (
        <CodeBoundary loading={<p className="loading">{t('loading.page')}</p>}>
          <AgendaEditor onClose={() => setDialog(null)} />
        </CodeBoundary>
      )}
      {dialog === 'schedule' && <ScheduleView onClose={() => setDialog(null)} />}
    </section>
  );
}
