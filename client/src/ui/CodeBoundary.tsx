import { Component, Suspense, type ReactNode } from 'react';
import { t } from '../i18n/t';
import { LoadFailure } from './LoadFailure';

/**
 * Where code loaded on demand shows: a loading line while it downloads, and if the download fails (the network
 * dropped, or a deploy replaced the files), an alert with a way to try again instead of a blank page. Trying
 * again reloads the page: a failed module import is not retried within one page, and nothing is lost by a reload
 * (the mesa's document is kept in the browser and on the server).
 */
export function CodeBoundary({ loading, children }: { loading: ReactNode; children: ReactNode }) {
  return (
    <FailedDownload>
      <Suspense fallback={loading}>{children}</Suspense>
    </FailedDownload>
  );
}

class FailedDownload extends Component<{ children: ReactNode }, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override render() {
    const { error } = this.state;
    if (error === null) return this.props.children;
    // Browsers word a failed module download differently; all of them throw a TypeError for it.
    const download = error instanceof TypeError && /module/i.test(error.message);
    return (
      <LoadFailure
        message={t(download ? 'error.codeDownload' : 'error.generic')}
        onRetry={() => window.location.reload()}
      />
    );
  }
}
