import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PlenarySnapshot } from '@cocrea/shared';
import { usePlenary } from './usePlenary';

/** The browser's `EventSource` as the page sees it: the test opens, sends and drops it as the server would. */
class FakeEventSource {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  static opened: FakeEventSource[] = [];
  readyState = FakeEventSource.CONNECTING;
  onmessage: ((event: MessageEvent<string>) => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly url: string) {
    FakeEventSource.opened.push(this);
  }
  send(data: string): void {
    this.readyState = FakeEventSource.OPEN;
    this.onmessage?.(new MessageEvent('message', { data }));
  }
  /** A dropped stream (`EventSource` reconnects), or one the server refused (it does not). */
  fail(closed: boolean): void {
    this.readyState = closed ? FakeEventSource.CLOSED : FakeEventSource.CONNECTING;
    this.onerror?.();
  }
  close(): void {
    this.readyState = FakeEventSource.CLOSED;
  }
}

const snapshot = (title: string): PlenarySnapshot => ({ eventId: 'E'.repeat(16), title, serverNow: 1, tables: [] });

beforeEach(() => {
  FakeEventSource.opened = [];
  vi.stubGlobal('EventSource', FakeEventSource);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the plenary’s stream', () => {
  it('shows each snapshot whole, keeps the last while reconnecting, and skips one it cannot read', () => {
    const { result } = renderHook(() => usePlenary('E'.repeat(16)));
    const [stream] = FakeEventSource.opened;
    expect(stream!.url).toBe(`/api/events/${'E'.repeat(16)}/plenary/events`);
    expect(result.current.state.status).toBe('connecting');

    act(() => stream!.send(JSON.stringify(snapshot('Plenaria'))));
    expect(result.current.state).toEqual({ status: 'ready', snapshot: snapshot('Plenaria'), live: true });
    vi.spyOn(console, 'error').mockImplementation(() => {});
    act(() => stream!.send('{"eventId": 1}'));
    expect(result.current.state.snapshot).toEqual(snapshot('Plenaria'));

    act(() => stream!.fail(false));
    expect(result.current.state).toEqual({ status: 'ready', snapshot: snapshot('Plenaria'), live: false });
    act(() => stream!.send(JSON.stringify(snapshot('De nuevo'))));
    expect(result.current.state).toEqual({ status: 'ready', snapshot: snapshot('De nuevo'), live: true });
  });

  it('says when the server refused the stream, and opens a new one on retry', () => {
    const { result, unmount } = renderHook(() => usePlenary('E'.repeat(16)));
    act(() => FakeEventSource.opened[0]!.fail(true));
    expect(result.current.state.status).toBe('error');
    act(() => result.current.retry());
    expect(FakeEventSource.opened).toHaveLength(2);
    expect(FakeEventSource.opened[0]!.readyState).toBe(FakeEventSource.CLOSED);
    act(() => FakeEventSource.opened[1]!.send(JSON.stringify(snapshot('Plenaria'))));
    expect(result.current.state.status).toBe('ready');
    unmount();
    expect(FakeEventSource.opened[1]!.readyState).toBe(FakeEventSource.CLOSED);
  });
});
