import { useEffect, useState } from 'react';

/**
 * The secret of a one-time link (`#t=…`), read once. It then leaves the address bar, and so the history and a
 * shared screen.
 */
export function useFragmentToken(): string | null {
  const [token] = useState(() => new URLSearchParams(window.location.hash.slice(1)).get('t'));
  useEffect(() => {
    if (window.location.hash) window.history.replaceState(null, '', window.location.pathname);
  }, []);
  return token;
}
