/**
 * The secrets a browser keeps per mesa: the capability token from the link and the seat from joining. They live
 * in localStorage so a reload (or a closed tab reopened) keeps the person in the mesa without the link.
 */
export interface Credentials {
  token: string;
  seat: string | null;
}

const key = (mesaId: string) => `cocrea:mesa:${mesaId}`;

/**
 * Reads the token from the link's fragment (`#k=…`) if present, remembers it, and removes it from the address
 * bar so it is not shown on a shared screen. Falls back to what this browser remembered.
 */
export function loadCredentials(mesaId: string): Credentials | null {
  const fromLink = new URLSearchParams(window.location.hash.slice(1)).get('k');
  const stored = readStored(mesaId);
  if (fromLink) {
    const credentials = { token: fromLink, seat: stored?.token === fromLink ? stored.seat : null };
    saveCredentials(mesaId, credentials);
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
    return credentials;
  }
  return stored;
}

export function saveCredentials(mesaId: string, credentials: Credentials): void {
  localStorage.setItem(key(mesaId), JSON.stringify(credentials));
}

function readStored(mesaId: string): Credentials | null {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(key(mesaId)) ?? 'null');
    if (value && typeof value === 'object' && 'token' in value && typeof value.token === 'string') {
      const seat = 'seat' in value && typeof value.seat === 'string' ? value.seat : null;
      return { token: value.token, seat };
    }
  } catch {
    // A damaged entry is as good as none: the person opens their link again.
  }
  return null;
}
