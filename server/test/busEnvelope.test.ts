import { describe, expect, it, vi } from 'vitest';
import { decodeEnvelope, encodeEnvelope } from '../src/cluster/Bus';

describe('what crosses between instances', () => {
  it('a notice about the versions arrives as it was published', () => {
    const notice = { kind: 'reviewStatus', number: 2, from: 'en_revision', to: 'con_observaciones', observations: 3 };
    const text = encodeEnvelope('a', { kind: 'notice', notice } as never);
    expect(decodeEnvelope(text)).toEqual({ from: 'a', message: { kind: 'notice', notice } });
  });

  it('a notice that is not one (an unknown status, a name slipped in) is dropped', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const bad = [
      { kind: 'reviewStatus', number: 2, from: 'en_revision', to: 'listo', observations: 3 },
      { kind: 'versionSaved', number: 1, by: 'Ana' },
    ];
    for (const notice of bad) {
      expect(decodeEnvelope(JSON.stringify({ from: 'a', message: { kind: 'notice', notice } }))).toBeNull();
    }
    expect(error).toHaveBeenCalledTimes(bad.length);
    error.mockRestore();
  });
});
