import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { RedisStore, type RedisReply } from 'rate-limit-redis';
import type { RateLimitStores } from '../http/rateLimitStores';
import type { UpgradeBudget } from '../sync/UpgradeLimiter';
import { decodeEnvelope, encodeEnvelope, isEnvelopeFrom, type Bus, type BusListener, type BusMessage } from './Bus';
import { RedisUpgradeLimiter } from './RedisUpgradeLimiter';

/** How long a room being loaded waits for its subscription before it goes on without (see `Bus.subscribe`). */
const SUBSCRIBE_WAIT_MS = 2_000;
/** How often the offset to Redis's clock is measured again: clocks drift slowly between NTP corrections. */
const CLOCK_SAMPLE_MS = 60_000;
/** Samples per measurement; the one with the shortest round trip is kept, its midpoint the least uncertain. */
const CLOCK_SAMPLES = 3;

/**
 * The bus between instances over Redis pub/sub, one channel per mesa under `prefix` (several deployments, or
 * test files, can share one Redis). Two connections, as Redis requires: a subscribed one can do nothing else.
 *
 * ioredis reconnects on its own and subscribes again to every channel; pub/sub keeps nothing for an absent
 * subscriber, so each time either connection is back the bus calls its reconnect listeners, and the rooms catch
 * up from the database. The publisher keeps no offline queue: while Redis is away, a message is dropped at once
 * rather than piling up in memory to arrive late.
 */
export class RedisBus implements Bus {
  readonly instanceId = randomUUID();
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly listeners = new Map<string, Set<BusListener>>();
  private readonly reconnectListeners: (() => void)[] = [];
  private closing = false;
  /** Redis's clock minus this machine's, as last measured. */
  private clockOffset = 0;
  private clockTimer: NodeJS.Timeout | undefined;

  private constructor(
    url: string,
    private readonly prefix: string,
    private readonly localClock: () => number,
  ) {
    this.publisher = new Redis(url, { enableOfflineQueue: false, lazyConnect: true });
    this.subscriber = new Redis(url, { lazyConnect: true });
    this.subscriber.on('message', (channel: string, text: string) => this.deliver(channel, text));
    for (const connection of [this.publisher, this.subscriber]) this.watch(connection);
  }

  /**
   * Connects both connections and reads Redis's clock; rejects (with the reason) when Redis cannot be reached at
   * start. `localClock` is this machine's clock (a test gives one that is off).
   */
  static async connect(url: string, prefix: string, localClock: () => number = Date.now): Promise<RedisBus> {
    const bus = new RedisBus(url, prefix, localClock);
    try {
      await Promise.all([bus.publisher.connect(), bus.subscriber.connect()]);
      await bus.measureClock();
    } catch (error) {
      await bus.close();
      throw error;
    }
    bus.clockTimer = setInterval(() => {
      // While Redis is away the last offset stands.
      bus.measureClock().catch(() => {});
    }, CLOCK_SAMPLE_MS).unref();
    return bus;
  }

  /**
   * The time on Redis's clock, which every instance shares: the agenda stores a running stage's end in it and
   * browsers measure their offset to it (`GET /api/time`), so a countdown is the same whichever instance set the
   * timer and whichever one a browser asks, even if the machines' clocks are apart.
   */
  // Whole milliseconds, as Date.now gives: the agenda's times are integers.
  readonly now = (): number => Math.round(this.localClock() + this.clockOffset);

  private async measureClock(): Promise<void> {
    let best = Infinity;
    for (let i = 0; i < CLOCK_SAMPLES; i++) {
      const sent = this.localClock();
      const [seconds, micros] = (await this.publisher.time()).map(Number);
      const received = this.localClock();
      if (received - sent >= best) continue;
      best = received - sent;
      this.clockOffset = seconds! * 1000 + micros! / 1000 - (sent + received) / 2;
    }
  }

  /** Reports an outage once, and its end; calls the reconnect listeners when a connection that was lost is back. */
  private watch(connection: Redis): void {
    let lost = false;
    connection.on('error', (error: Error) => {
      if (lost || this.closing) return;
      lost = true;
      console.error(`redis: conexión perdida (${error.message}); reintentando`);
    });
    connection.on('close', () => {
      lost = !this.closing;
    });
    connection.on('ready', () => {
      if (!lost) return;
      lost = false;
      console.log('redis: conexión restablecida; poniendo las salas al día desde la base de datos');
      for (const listener of this.reconnectListeners) listener();
    });
  }

  private channel(mesaId: string): string {
    return `${this.prefix}mesa:${mesaId}`;
  }

  private deliver(channel: string, text: string): void {
    if (!channel.startsWith(`${this.prefix}mesa:`)) return;
    const listeners = this.listeners.get(channel.slice(this.prefix.length + 'mesa:'.length));
    if (!listeners || isEnvelopeFrom(text, this.instanceId)) return;
    const envelope = decodeEnvelope(text);
    if (envelope === null || envelope.from === this.instanceId) return;
    for (const listener of listeners) listener(envelope.message);
  }

  async subscribe(mesaId: string, listener: BusListener): Promise<() => void> {
    let set = this.listeners.get(mesaId);
    if (!set) {
      this.listeners.set(mesaId, (set = new Set()));
      const subscribed = this.subscriber.subscribe(this.channel(mesaId)).catch((error: unknown) => {
        console.error(`redis: no se pudo suscribir a la mesa ${mesaId}`, error);
      });
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([subscribed, new Promise((resolve) => (timer = setTimeout(resolve, SUBSCRIBE_WAIT_MS)))]);
      clearTimeout(timer);
    }
    const listeners = set;
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      if (listeners.size > 0 || this.listeners.get(mesaId) !== listeners) return;
      this.listeners.delete(mesaId);
      this.subscriber.unsubscribe(this.channel(mesaId)).catch(() => {
        // Gone with the connection; ioredis does not subscribe again to a channel it was asked to leave.
      });
    };
  }

  publish(mesaId: string, message: BusMessage): void {
    if (this.publisher.status !== 'ready') return;
    this.publisher.publish(this.channel(mesaId), encodeEnvelope(this.instanceId, message)).catch(() => {
      // Lost with the connection: the receivers catch up from the database when it is back.
    });
  }

  /**
   * Rate-limit stores in this Redis, under the bus's prefix, so that every instance counts the same requests. They
   * send their commands on the publishing connection: like a publication, a count fails at once while Redis is
   * away (and the request goes through) rather than waiting for it.
   */
  rateLimitStores(): RateLimitStores {
    return (name) =>
      new RedisStore({
        prefix: `${this.prefix}rl:${name}:`,
        sendCommand: (command: string, ...args: string[]) =>
          this.publisher.call(command, ...args) as Promise<RedisReply>,
      });
  }

  /** The WebSocket upgrade budget per address, in this Redis under the bus's prefix, on the publishing connection. */
  upgradeBudget(): UpgradeBudget {
    return new RedisUpgradeLimiter(this.publisher, `${this.prefix}upgrades:`);
  }

  onReconnect(listener: () => void): void {
    this.reconnectListeners.push(listener);
  }

  async close(): Promise<void> {
    clearInterval(this.clockTimer);
    this.closing = true;
    this.publisher.disconnect();
    this.subscriber.disconnect();
  }
}
