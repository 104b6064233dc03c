import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { request } from 'undici';

/** WAHA's session states (enum WAHASessionStatus, waha-and-security.md A1). */
export type SessionStatus = 'STOPPED' | 'STARTING' | 'SCAN_QR_CODE' | 'WORKING' | 'FAILED';
export type Engine = 'NOWEB' | 'WEBJS';

/** enum WAMessageAck (A6). */
export const ACK_NAMES: Record<number, string> = { [-1]: 'ERROR', 0: 'PENDING', 1: 'SERVER', 2: 'DEVICE', 3: 'READ', 4: 'PLAYED' };

export interface WebhookConfig {
  url: string;
  events: string[];
  hmac?: { key?: string } | null;
  customHeaders?: { name: string; value: string }[] | null;
}

export interface SessionConfig {
  webhooks?: WebhookConfig[];
  noweb?: { store?: { enabled?: boolean; fullSync?: boolean } };
  [key: string]: unknown;
}

export interface SimMessage {
  id: string;
  chatId: string;
  fromMe: boolean;
  body: string;
  /** Unix seconds, as WAHA gives them. */
  timestamp: number;
  ack: number;
}

export interface WebhookDelivery {
  event: string;
  url: string;
  at: number;
  status: number | null;
  error?: string;
  body: unknown;
}

export interface WahaOptions {
  engine: Engine;
  /** Multiplies WAHA's durations (start-up, QR rotation, acks); tests use e.g. 0.01. */
  timeScale: number;
  /** Acks after sending, in WAHA milliseconds; null: a message stays at SERVER until a control call. */
  autoAck: { deliveredMs: number; readMs: number | null } | null;
}

const STARTING_MS = 1_500;
/** The QR lives ~60 s first, then ~20 s, six times (A1, secondary source); then the session fails. */
const QR_FIRST_MS = 60_000;
const QR_NEXT_MS = 20_000;
const QR_ROTATIONS = 6;

const digits = (text: string): string => text.replace(/\D/g, '');
export const chatIdOf = (phoneOrChat: string): string => `${digits(phoneOrChat.split('@')[0] ?? '')}@c.us`;

/**
 * One WAHA server: the `default` session (WAHA Core has only that one) with its status machine, the
 * linked phone, the messages of every chat, which numbers are on WhatsApp, and the webhooks the
 * session's config names. Durations are WAHA's, scaled by timeScale; times stay real.
 */
export class WahaState {
  status: SessionStatus = 'STOPPED';
  exists = true;
  config: SessionConfig = {};
  me: { id: string; pushName: string } | null = null;
  qr: { value: string; rotations: number } | null = null;
  pairingCode: string | null = null;
  /** A start ends in FAILED while set (the phone unlinked the device, say). */
  failOnStart = false;
  readonly messages: SimMessage[] = [];
  readonly notOnWhatsApp = new Set<string>();
  readonly webhooks: WebhookDelivery[] = [];
  readonly statusLog: { status: SessionStatus; at: number }[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private qrTimer: NodeJS.Timeout | null = null;
  private startTimer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(readonly options: WahaOptions) {}

  // ---- time ----

  after(ms: number, fn: () => void): NodeJS.Timeout {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!this.closed) fn();
    }, Math.max(0, Math.round(ms * this.options.timeScale)));
    timer.unref();
    this.timers.add(timer);
    return timer;
  }

  private cancel(timer: NodeJS.Timeout | null): void {
    if (!timer) return;
    clearTimeout(timer);
    this.timers.delete(timer);
  }

  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  // ---- session ----

  private setStatus(status: SessionStatus): void {
    this.status = status;
    this.statusLog.push({ status, at: Date.now() });
    void this.emit('session.status', { status });
  }

  info(): Record<string, unknown> {
    return { name: 'default', status: this.status, config: this.config, me: this.status === 'WORKING' ? this.me : null, engine: { engine: this.options.engine } };
  }

  /** True when the session was started (a second start is refused, as WAHA Core refuses it). */
  get running(): boolean {
    return this.status !== 'STOPPED';
  }

  start(): void {
    this.cancel(this.startTimer);
    this.setStatus('STARTING');
    this.startTimer = this.after(STARTING_MS, () => {
      this.startTimer = null;
      if (this.failOnStart) return this.setStatus('FAILED');
      if (this.me) return this.setStatus('WORKING');
      this.newQr(0);
    });
  }

  stop(): void {
    this.cancel(this.startTimer);
    this.cancel(this.qrTimer);
    this.qr = null;
    this.pairingCode = null;
    this.setStatus('STOPPED');
  }

  logout(): void {
    const wasRunning = this.running;
    this.stop();
    this.me = null;
    if (wasRunning) this.start();
  }

  /** The session fails (the device unlinked, WhatsApp closed the connection). */
  fail(): void {
    this.cancel(this.startTimer);
    this.cancel(this.qrTimer);
    this.qr = null;
    this.setStatus('FAILED');
  }

  private newQr(rotations: number): void {
    this.qr = { value: `2@${randomBytes(24).toString('base64')},${randomBytes(16).toString('base64')},${rotations}`, rotations };
    // WAHA fires session.status again on every rotation (A1): "fetch the QR again each time".
    this.setStatus('SCAN_QR_CODE');
    this.qrTimer = this.after(rotations === 0 ? QR_FIRST_MS : QR_NEXT_MS, () => {
      this.qrTimer = null;
      if (rotations + 1 > QR_ROTATIONS) {
        this.qr = null;
        this.setStatus('FAILED');
      } else this.newQr(rotations + 1);
    });
  }

  /** The seller's phone scanned the QR (or typed the pairing code): the session links and works. */
  link(phone: string, pushName = 'Shop'): boolean {
    if (this.status !== 'SCAN_QR_CODE') return false;
    this.cancel(this.qrTimer);
    this.qr = null;
    this.pairingCode = null;
    this.me = { id: chatIdOf(phone), pushName };
    this.setStatus('WORKING');
    return true;
  }

  requestCode(): string {
    const letters = () => Array.from({ length: 4 }, () => 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'[randomBytes(1)[0]! % 32]).join('');
    this.pairingCode = `${letters()}-${letters()}`;
    return this.pairingCode;
  }

  // ---- messages ----

  numberExists(phone: string): boolean {
    return !this.notOnWhatsApp.has(digits(phone));
  }

  send(chatId: string, text: string): SimMessage {
    const message: SimMessage = {
      id: `true_${chatIdOf(chatId)}_${randomBytes(10).toString('hex').toUpperCase()}`,
      chatId: chatIdOf(chatId),
      fromMe: true,
      body: text,
      timestamp: Math.floor(Date.now() / 1000),
      ack: 1,
    };
    this.messages.push(message);
    const auto = this.options.autoAck;
    // A number that is not on WhatsApp never gets the message: it stays at SERVER.
    if (auto && this.numberExists(chatId)) {
      this.after(auto.deliveredMs, () => this.setAck(message.id, 2));
      if (auto.readMs !== null) this.after(auto.readMs, () => this.setAck(message.id, 3));
    }
    return message;
  }

  setAck(id: string, ack: number): SimMessage | null {
    const message = this.messages.find((m) => m.id === id);
    if (!message || message.ack >= ack && ack !== -1) return message ?? null;
    message.ack = ack;
    void this.emit('message.ack', { id: message.id, from: message.chatId, participant: null, fromMe: true, ack, ackName: ACK_NAMES[ack] ?? 'UNKNOWN' });
    return message;
  }

  /** A buyer writes to the linked phone. */
  incoming(fromChat: string, text: string): SimMessage {
    const message: SimMessage = {
      id: `false_${chatIdOf(fromChat)}_${randomBytes(10).toString('hex').toUpperCase()}`,
      chatId: chatIdOf(fromChat),
      fromMe: false,
      body: text,
      timestamp: Math.floor(Date.now() / 1000),
      ack: 1,
    };
    this.messages.push(message);
    void this.emit('message', this.waMessage(message));
    return message;
  }

  /** WAMessage (responses.dto.ts), as GET …/chats/{chatId}/messages and the `message` event give it. */
  waMessage(m: SimMessage): Record<string, unknown> {
    const me = this.me?.id ?? null;
    return {
      id: m.id,
      timestamp: m.timestamp,
      from: m.fromMe ? me : m.chatId,
      fromMe: m.fromMe,
      to: m.fromMe ? m.chatId : me,
      participant: null,
      body: m.body,
      hasMedia: false,
      ack: m.ack,
      ackName: ACK_NAMES[m.ack] ?? 'UNKNOWN',
    };
  }

  /** What POST /api/sendText answers: the engine's own message object, as WAHA passes it through. */
  sendTextAnswer(m: SimMessage): Record<string, unknown> {
    const [, , rawId] = m.id.split('_');
    if (this.options.engine === 'WEBJS') {
      return { id: { fromMe: true, remote: m.chatId, id: rawId, _serialized: m.id }, body: m.body, ack: 0, timestamp: m.timestamp, from: this.me?.id, to: m.chatId, hasMedia: false };
    }
    return {
      key: { remoteJid: `${m.chatId.split('@')[0]}@s.whatsapp.net`, fromMe: true, id: rawId },
      message: { extendedTextMessage: { text: m.body } },
      messageTimestamp: String(m.timestamp),
      status: 1,
    };
  }

  chatMessages(chatId: string, limit: number): Record<string, unknown>[] {
    const id = chatIdOf(chatId);
    return this.messages.filter((m) => m.chatId === id).slice(-limit).reverse().map((m) => this.waMessage(m));
  }

  // ---- webhooks ----

  /** Posts an event to every webhook of the session's config that asks for it (no retries, as WAHA Core). */
  async emit(event: string, payload: unknown): Promise<void> {
    for (const hook of this.config.webhooks ?? []) {
      if (!hook.events.includes(event) && !hook.events.includes('*')) continue;
      const body = JSON.stringify({ id: `evt_${randomUUID()}`, timestamp: Date.now(), event, session: 'default', metadata: null, me: this.me, payload, engine: this.options.engine, environment: { tier: 'CORE' } });
      const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'WAHA/sim', 'x-webhook-request-id': randomUUID() };
      if (hook.hmac?.key) {
        headers['x-webhook-hmac'] = createHmac('sha512', hook.hmac.key).update(body).digest('hex');
        headers['x-webhook-hmac-algorithm'] = 'sha512';
      }
      for (const h of hook.customHeaders ?? []) headers[h.name.toLowerCase()] = h.value;
      const record: WebhookDelivery = { event, url: hook.url, at: Date.now(), status: null, body: JSON.parse(body) };
      this.webhooks.push(record);
      try {
        const res = await request(hook.url, { method: 'POST', body, headers, headersTimeout: 5_000, bodyTimeout: 5_000 });
        await res.body.dump();
        record.status = res.statusCode;
      } catch (error) {
        record.error = (error as Error).message;
      }
    }
  }
}
