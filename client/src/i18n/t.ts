import { esMX, type MessageKey } from './es-MX';

/**
 * The one way UI text is produced: a key from the message catalog, with `{name}` placeholders filled in.
 * Another language is another catalog with the same keys.
 */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  return esMX[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}
