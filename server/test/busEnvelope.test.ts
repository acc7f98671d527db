import { describe, expect, it, vi } from 'vitest';
import { decodeEnvelope, encodeEnvelope, isEnvelopeFrom } from '../src/cluster/Bus';

describe('what crosses between instances', () => {
  it('a notice about the versions arrives as it was published', () => {
    const notice = { kind: 'reviewStatus', number: 2, from: 'en_revision', to: 'con_observaciones', observations: 3 };
    const text = encodeEnvelope('a', { kind: 'notice', notice } as never);
    expect(decodeEnvelope(text)).toEqual({ from: 'a', message: { kind: 'notice', notice } });
  });

  it('an instance tells its own publications without parsing them, and nobody else’s as its own', () => {
    const update = { kind: 'update', seq: 7, update: new Uint8Array([1, 2, 3]) } as const;
    const ours = encodeEnvelope('instancia-a', update);
    expect(isEnvelopeFrom(ours, 'instancia-a')).toBe(true);
    expect(isEnvelopeFrom(ours, 'instancia-b')).toBe(false);
    expect(isEnvelopeFrom(ours, 'instancia')).toBe(false);
    expect(isEnvelopeFrom(encodeEnvelope('instancia-ab', update), 'instancia-a')).toBe(false);
    expect(decodeEnvelope(ours)?.from).toBe('instancia-a');
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
