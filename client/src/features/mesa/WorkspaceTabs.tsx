import { useRef, useState, type KeyboardEvent } from 'react';
import { t } from '../../i18n/t';

const TABS = ['tree', 'objectives', 'commitment'] as const;
export type WorkspaceTab = (typeof TABS)[number];

const LABELS = {
  tree: 'workspace.tab.tree',
  objectives: 'workspace.tab.objectives',
  commitment: 'workspace.tab.commitment',
} as const;

const tabKey = (mesaId: string) => `cocrea:tab:${mesaId}`;

/** The tab a mesa opens on: the one open before a reload, in this browser tab, or the problem tree. */
export function storedTab(mesaId: string): WorkspaceTab {
  const stored = sessionStorage.getItem(tabKey(mesaId));
  return (TABS as readonly string[]).includes(stored ?? '') ? (stored as WorkspaceTab) : 'tree';
}

/** The open tab, kept per mesa for the browser tab's life: a reload brings you back to where you were. */
export function useWorkspaceTab(mesaId: string): [WorkspaceTab, (tab: WorkspaceTab) => void] {
  const [tab, setTab] = useState<WorkspaceTab>(() => storedTab(mesaId));
  return [
    tab,
    (next) => {
      sessionStorage.setItem(tabKey(mesaId), next);
      setTab(next);
    },
  ];
}

/** A WAI-ARIA tab list: arrows, Home and End move between tabs, and the focused tab opens. */
export function WorkspaceTabs({ current, onChange }: { current: WorkspaceTab; onChange(tab: WorkspaceTab): void }) {
  const buttons = useRef(new Map<WorkspaceTab, HTMLButtonElement>());
  const onKeyDown = (event: KeyboardEvent) => {
    const index = TABS.indexOf(current);
    const next =
      event.key === 'ArrowRight'
        ? TABS[(index + 1) % TABS.length]
        : event.key === 'ArrowLeft'
          ? TABS[(index + TABS.length - 1) % TABS.length]
          : event.key === 'Home'
            ? TABS[0]
            : event.key === 'End'
              ? TABS[TABS.length - 1]
              : undefined;
    if (!next) return;
    event.preventDefault();
    onChange(next);
    buttons.current.get(next)?.focus();
  };
  return (
    <div className="workspace-tabs" role="tablist" aria-label={t('workspace.tabs')} onKeyDown={onKeyDown}>
      {TABS.map((tab) => (
        <button
          key={tab}
          ref={(element) => {
            if (element) buttons.current.set(tab, element);
          }}
          type="button"
          role="tab"
          id={`pestana-${tab}`}
          aria-selected={tab === current}
          aria-controls="contenido"
          tabIndex={tab === current ? 0 : -1}
          onClick={() => onChange(tab)}
        >
          {t(LABELS[tab])}
        </button>
      ))}
    </div>
  );
}
