import { IntlMessageFormat, type PrimitiveType } from 'intl-messageformat';
import { esMX, type MessageKey } from './es-MX';

/** The catalog's language; plural categories and number formats follow it. */
export const LOCALE = 'es-MX';

/** Each message compiled once, on first use: parsing an ICU message costs more than formatting it. */
const compiled = new Map<MessageKey, IntlMessageFormat>();

function format(key: MessageKey): IntlMessageFormat {
  let message = compiled.get(key);
  if (!message) {
    // `ignoreTag`: a `<` in a message is text, not markup.
    message = new IntlMessageFormat(esMX[key], LOCALE, undefined, { ignoreTag: true });
    compiled.set(key, message);
  }
  return message;
}

/**
 * The one way UI text is produced: a key from the message catalog, written as an ICU message (`{name}` fills in a
 * value; `{count, plural, one {…} other {…}}` and `{status, select, …}` agree in number and gender), with its
 * values. Another language is another catalog with the same keys.
 */
export function t(key: MessageKey, params: Record<string, PrimitiveType> = {}): string {
  return String(format(key).format(params));
}
