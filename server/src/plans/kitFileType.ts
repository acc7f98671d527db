import { KIT_MEDIA_TYPES, type KitMediaType } from '@cocrea/shared';

/**
 * A kit file's type, decided from its bytes alone (magic numbers, and for ZIP containers the entries inside), never
 * from its name or the Content-Type it was sent with. Null for anything else.
 */
export function detectKitType(bytes: Uint8Array): KitMediaType | null {
  const starts = (signature: readonly number[], at = 0) => signature.every((b, i) => bytes[at + i] === b);
  const ascii = (text: string, at = 0) =>
    starts(
      [...text].map((c) => c.charCodeAt(0)),
      at,
    );
  if (ascii('%PDF-')) return 'application/pdf';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (ascii('GIF87a') || ascii('GIF89a')) return 'image/gif';
  if (ascii('RIFF') && ascii('WEBP', 8)) return 'image/webp';
  if (starts([0x50, 0x4b, 0x03, 0x04])) return zipDocumentType(bytes);
  return null;
}

/** The extensions a name may have for each type; the first is the one a download gets. */
export const KIT_EXTENSIONS: Record<KitMediaType, readonly string[]> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/gif': ['gif'],
  'image/webp': ['webp'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': ['pptx'],
  'application/vnd.oasis.opendocument.text': ['odt'],
  'application/vnd.oasis.opendocument.spreadsheet': ['ods'],
  'application/vnd.oasis.opendocument.presentation': ['odp'],
};

/** What a file's name claims: the type of its extension, null if it has none we know, undefined if it has none. */
export function typeOfName(name: string): KitMediaType | null | undefined {
  const match = /\.([A-Za-z0-9]{1,10})$/.exec(name);
  if (!match) return undefined;
  const ext = match[1]!.toLowerCase();
  const found = (Object.keys(KIT_EXTENSIONS) as KitMediaType[]).find((t) => KIT_EXTENSIONS[t].includes(ext));
  return found ?? null;
}

/** The download name: the given name without its extension, plus the content's. */
export function downloadName(name: string, type: KitMediaType): string {
  const base = name.replace(/\.[A-Za-z0-9]{1,10}$/, '').replace(/[\\/\p{Cc}"]/gu, '_') || 'archivo';
  return `${base}.${KIT_EXTENSIONS[type][0]}`;
}

const OOXML: [entry: string, type: KitMediaType][] = [
  ['word/document.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  ['xl/workbook.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ['ppt/presentation.xml', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
];
const ODF = new Set<string>([
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
]);

/**
 * An Office Open XML or OpenDocument file, told by the entries of its ZIP central directory: `[Content_Types].xml`
 * with the main part of Word, Excel or PowerPoint; or an uncompressed `mimetype` entry naming an ODF type. Any
 * other ZIP (an archive, a renamed executable bundle) is none of ours.
 */
function zipDocumentType(bytes: Uint8Array): KitMediaType | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record: in the last 22 + 65 535 bytes (its comment may be that long).
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end === -1) return null;
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const names = new Map<string, { method: number; localOffset: number; size: number }>();
  const decoder = new TextDecoder();
  for (let n = 0; n < entries && at + 46 <= bytes.length; n++) {
    if (view.getUint32(at, true) !== 0x02014b50) return null;
    const nameLength = view.getUint16(at + 28, true);
    const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    if (at + 46 + nameLength > bytes.length) return null;
    names.set(decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)), {
      method: view.getUint16(at + 10, true),
      size: view.getUint32(at + 20, true),
      localOffset: view.getUint32(at + 42, true),
    });
    at += 46 + skip;
  }
  if (names.has('[Content_Types].xml')) {
    for (const [entry, type] of OOXML) if (names.has(entry)) return type;
    return null;
  }
  const mimetype = names.get('mimetype');
  if (!mimetype || mimetype.method !== 0 || mimetype.size > 100) return null;
  const local = mimetype.localOffset;
  if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) return null;
  const dataAt = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  const declared = decoder.decode(bytes.subarray(dataAt, dataAt + mimetype.size));
  return ODF.has(declared) ? (declared as KitMediaType) : null;
}

/** The Spanish name of a type, for messages. */
export const typeLabel = (type: KitMediaType) => KIT_MEDIA_TYPES[type];
