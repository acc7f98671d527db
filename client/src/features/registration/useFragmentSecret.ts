import { useState } from 'react';

/** Secrets already taken out of the address bar, by fragment name: a second render finds them here. */
const taken = new Map<string, string>();

function take(name: string): string | null {
  const value = new URLSearchParams(window.location.hash.slice(1)).get(name);
  if (value) {
    taken.set(name, value);
    window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  }
  return taken.get(name) ?? null;
}

/**
 * A secret that came after `#<name>=` in the link, taken once and removed from the address bar, so a shared
 * screen or a copied address does not show it.
 */
export function useFragmentSecret(name: string): string | null {
  const [secret] = useState(() => take(name));
  return secret;
}
