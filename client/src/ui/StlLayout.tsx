import { useEffect, useRef, type ReactNode } from 'react';
import { Link } from 'wouter';
import type { StlSession } from '@cocrea/shared';
import type { MessageKey } from '../i18n/es-MX';
import { t } from '../i18n/t';
import { logout } from '../api/stl';
import { PATHS } from '../routes';

/** The STL's pages, as the navigation names them. */
export type StlPage = 'planes' | 'mesas' | 'revision' | 'seguimiento' | 'equipo';

const PAGES: { page: StlPage; path: string; label: MessageKey; stlOnly: boolean }[] = [
  { page: 'planes', path: PATHS.stlPlans, label: 'stl.nav.plans', stlOnly: true },
  { page: 'mesas', path: PATHS.stlMesas, label: 'stl.nav.mesas', stlOnly: true },
  { page: 'revision', path: PATHS.stlReview, label: 'stl.nav.review', stlOnly: true },
  { page: 'seguimiento', path: PATHS.stlFollowUp, label: 'stl.nav.followUp', stlOnly: false },
  { page: 'equipo', path: PATHS.stlTeam, label: 'stl.nav.team', stlOnly: true },
];

interface StlHeaderProps {
  title: string;
  session: StlSession;
  current: StlPage;
  onLoggedOut(): void;
}

/**
 * An STL page: the header, then the page's own content as the document's main region (the skip link's target).
 * `busy` marks the content as loading for assistive technology.
 */
export function StlLayout({
  children,
  busy,
  className,
  ...header
}: StlHeaderProps & { children: ReactNode; busy?: boolean; className?: string }) {
  return (
    <div className="stl">
      <StlHeader {...header} />
      <main className={className ? `stl-main ${className}` : 'stl-main'} id="contenido" aria-busy={busy}>
        {children}
      </main>
    </div>
  );
}

/**
 * The STL area's header: the page's title, who is signed in, the sections the member's role opens (a follow-up
 * member sees only follow-up) and the public board. The title takes the focus when a page opens, so a screen
 * reader announces where a navigation led. Every link moves within the app, without reloading it.
 */
function StlHeader({ title, session, current, onLoggedOut }: StlHeaderProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [current]);

  async function signOut() {
    // Whatever the server answers (a session already expired, say), this browser is signed out.
    await logout(session.csrfToken).catch(() => null);
    onLoggedOut();
  }

  const pages = PAGES.filter((p) => !p.stlOnly || session.member.role === 'stl');
  return (
    <header className="stl-header">
      <div className="brand" aria-hidden="true">
        {t('app.name')}
      </div>
      <div className="stl-heading">
        <p className="eyebrow">{t('stl.title')}</p>
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
      </div>
      <p className="muted">{t('stl.signedInAs', { name: session.member.name, email: session.member.email })}</p>
      <button type="button" onClick={() => void signOut()}>
        {t('stl.logout')}
      </button>
      <nav className="stl-nav" aria-label={t('stl.nav.label')}>
        <ul>
          {pages.map((p) => (
            <li key={p.page}>
              <Link href={p.path} aria-current={p.page === current ? 'page' : undefined}>
                {t(p.label)}
              </Link>
            </li>
          ))}
          <li>
            <Link href={PATHS.board}>{t('stl.nav.board')}</Link>
          </li>
        </ul>
      </nav>
    </header>
  );
}
