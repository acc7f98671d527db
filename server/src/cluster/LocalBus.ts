import { randomUUID } from 'node:crypto';
import type { Bus, BusListener, BusMessage } from './Bus';

/** The instances one `LocalHub` connects: those of one process (tests), or just the one. */
export class LocalHub {
  readonly listeners = new Map<string, Set<{ instanceId: string; listener: BusListener }>>();
}

/**
 * The bus of a server that runs as one process (no `COCREA_REDIS_URL`): the same interface as `RedisBus`, so the
 * sync code has one path, delivering within the process. A lone instance hears nothing, since it ignores its own
 * messages; instances sharing a hub (tests) hear each other, synchronously, with nothing lost.
 */
export class LocalBus implements Bus {
  readonly instanceId = randomUUID();

  constructor(private readonly hub = new LocalHub()) {}

  subscribe(mesaId: string, listener: BusListener): Promise<() => void> {
    const entry = { instanceId: this.instanceId, listener };
    let set = this.hub.listeners.get(mesaId);
    if (!set) this.hub.listeners.set(mesaId, (set = new Set()));
    set.add(entry);
    return Promise.resolve(() => {
      set.delete(entry);
      if (set.size === 0 && this.hub.listeners.get(mesaId) === set) this.hub.listeners.delete(mesaId);
    });
  }

  publish(mesaId: string, message: BusMessage): void {
    for (const { instanceId, listener } of this.hub.listeners.get(mesaId) ?? []) {
      if (instanceId !== this.instanceId) listener(message);
    }
  }

  onReconnect(): void {
    // Never disconnected.
  }

  async close(): Promise<void> {}
}
