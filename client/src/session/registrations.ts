/**
 * The registrations this browser made, by event: the registration's id and its secret, the only key to the
 * registrant's own page. They live in localStorage so the page opens again without the link (the secret is also
 * taken out of the address bar, so a shared screen does not show it).
 */
export interface RegistrationKey {
  registrationId: string;
  secret: string;
}

const key = (eventId: string) => `cocrea:registro:${eventId}`;

export function saveRegistration(eventId: string, registration: RegistrationKey): void {
  localStorage.setItem(key(eventId), JSON.stringify(registration));
}

/** What this browser kept for the event, or `null` (never registered here, or a damaged entry). */
export function loadRegistration(eventId: string): RegistrationKey | null {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(key(eventId)) ?? 'null');
    if (
      value &&
      typeof value === 'object' &&
      'registrationId' in value &&
      typeof value.registrationId === 'string' &&
      'secret' in value &&
      typeof value.secret === 'string'
    ) {
      return { registrationId: value.registrationId, secret: value.secret };
    }
  } catch {
    // A damaged entry is as good as none: the person opens their link again.
  }
  return null;
}
