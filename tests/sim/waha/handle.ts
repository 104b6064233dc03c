import type { WahaFault, WahaFaultInput, WahaFaults } from './faults';
import { chatIdOf, type SessionStatus, type SimMessage, type WahaState, type WebhookDelivery } from './state';

export interface WahaSimState {
  status: SessionStatus;
  exists: boolean;
  me: { id: string; pushName: string } | null;
  qr: string | null;
  qrRotations: number | null;
  pairingCode: string | null;
  webhooks: { url: string; events: string[] }[];
  statusLog: { status: SessionStatus; at: number }[];
  held: number;
}

/** The typed in-process handle: the control API's operations for tests in the same process. */
export class WahaSimHandle {
  constructor(
    private readonly waha: WahaState,
    private readonly faultRules: WahaFaults,
    private readonly held: Set<() => void>,
  ) {}

  state(): WahaSimState {
    return {
      status: this.waha.status,
      exists: this.waha.exists,
      me: this.waha.me,
      qr: this.waha.qr?.value ?? null,
      qrRotations: this.waha.qr?.rotations ?? null,
      pairingCode: this.waha.pairingCode,
      webhooks: (this.waha.config.webhooks ?? []).map((w) => ({ url: w.url, events: [...w.events] })),
      statusLog: [...this.waha.statusLog],
      held: this.held.size,
    };
  }

  /** Messages the linked phone sent, oldest first (one chat's, or all). */
  sent(chatId?: string): SimMessage[] {
    const id = chatId ? chatIdOf(chatId) : null;
    return this.waha.messages.filter((m) => m.fromMe && (id === null || m.chatId === id)).map((m) => ({ ...m }));
  }

  /** The seller's phone scans the QR shown now; false when no QR is shown. */
  scanQr(phone: string, pushName?: string): boolean {
    return this.waha.link(phone, pushName);
  }

  enterPairingCode(code: string, phone: string): boolean {
    return this.waha.pairingCode !== null && code === this.waha.pairingCode && this.waha.link(phone);
  }

  /** A buyer writes (a reply to our message, "стоп"). */
  reply(phone: string, text: string): SimMessage {
    return { ...this.waha.incoming(phone, text) };
  }

  ack(id: string, ack: number): SimMessage | null {
    const message = this.waha.setAck(id, ack);
    return message && { ...message };
  }

  setNotOnWhatsApp(phones: readonly string[]): void {
    this.waha.notOnWhatsApp.clear();
    for (const phone of phones) this.waha.notOnWhatsApp.add(phone.replace(/\D/g, ''));
  }

  /** The session fails now; sticky: every restart fails too until healSession(). */
  failSession(sticky = false): void {
    this.waha.failOnStart = sticky;
    this.waha.fail();
  }

  healSession(): void {
    this.waha.failOnStart = false;
  }

  webhookDeliveries(): WebhookDelivery[] {
    return [...this.waha.webhooks];
  }

  faults(): WahaFault[] {
    return this.faultRules.list();
  }

  addFault(input: WahaFaultInput): WahaFault {
    return this.faultRules.add(input);
  }

  clearFaults(): void {
    this.faultRules.clear();
  }

  /** Lets requests held by a `hang` fault go on; how many there were. */
  release(): number {
    const pending = [...this.held];
    for (const go of pending) go();
    return pending.length;
  }
}
