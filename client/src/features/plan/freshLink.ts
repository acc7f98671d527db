/**
 * An invitation link is answered once, when the event is created, and the event's page opens right after: it is
 * handed over here, in memory, so it is shown once and never kept in the address bar or the browser's storage.
 */
const fresh = new Map<string, string>();

export function keepFreshLink(eventId: string, link: string): void {
  fresh.set(eventId, link);
}

/** The link handed over for this event, or `null` when the page opened otherwise. */
export function freshLink(eventId: string): string | null {
  return fresh.get(eventId) ?? null;
}

/** Once the page has it: a later visit does not show it again. */
export function forgetFreshLink(eventId: string): void {
  fresh.delete(eventId);
}
