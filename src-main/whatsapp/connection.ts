import { createHash, randomBytes } from 'node:crypto';
import type { ConnectionState, WhatsappStatus } from '../../src-shared/contract/whatsapp';
import { AppError } from '../../src-shared/contract';
import { msg } from '../../src-shared/i18n/message';
import type { Message } from '../../src-shared/i18n/message';
import { formatKzMobile, normaliseKzMobile } from '../../src-shared/whatsapp/phone';
import type { WhatsappRepo } from '../db/repos/whatsapp-repo';
import type { Logger } from '../logging/logger';
import type { Redactor } from '../logging/redact';
import type { SecretBox } from '../secrets/secret-box';
import { createWahaClient, WahaError } from './waha-client';
import type { WahaClient, WahaSession } from './waha-client';
import { checkWahaUrl } from './waha-url';

export interface ConnectionDeps {
  repo: WhatsappRepo;
  secrets: SecretBox;
  redactor: Redactor;
  logger: Logger;
  now: () => number;
  /** Where WAHA's webhooks reach the app: the receiver's port and path. */
  webhook: () => { port: number; path: string } | null;
  timeoutMs: number;
  onStatus: (status: WhatsappStatus) => void;
}

const STATE_OF: Record<WahaSession['status'], ConnectionState> = { STOPPED: 'stopped', STARTING: 'starting', SCAN_QR_CODE: 'scan_qr', WORKING: 'working', FAILED: 'failed' };
const EVENTS = ['session.status', 'message', 'message.ack'];

/** How often the app asks WAHA for the session's state: often while it links, rarely once it works. */
const REFRESH_MS: Partial<Record<ConnectionState, number>> = { starting: 3_000, scan_qr: 5_000, working: 30_000 };
const REFRESH_DEFAULT_MS = 15_000;

/**
 * The link to WAHA: its address and key (the key sealed, usable only for the address it was
 * entered for), the session's state followed by polling and by WAHA's session.status webhook, a
 * failed session restarted once by itself, and linking by QR or pairing code.
 */
export function createConnection(deps: ConnectionDeps) {
  const log = deps.logger.child('whatsapp');
  let view: WhatsappStatus = { url: null, hasKey: false, state: 'not_configured', me: null, webhookVia: 'docker', lastWebhookAt: null, autoRestartedAt: null, paused: true, problem: msg('whatsapp.not_configured'), checkedAt: null };
  let lastWebhookAt: number | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let refreshing: Promise<WhatsappStatus> | null = null;
  let configChecked = false;
  let stopped = false;
  const listeners = new Set<(status: WhatsappStatus) => void>();

  const apiKey = (): string | null => {
    const row = deps.repo.connection();
    if (!row.url || !row.apiKeyEnc || row.keyUrl !== row.url) return null;
    const key = deps.secrets.decrypt(row.apiKeyEnc);
    deps.redactor.register(key);
    return key;
  };

  /** A client for the stored address with its own key; null until both are there. */
  const client = (): WahaClient | null => {
    const row = deps.repo.connection();
    const key = apiKey();
    return row.url && key ? createWahaClient({ url: row.url, apiKey: key, timeoutMs: deps.timeoutMs }) : null;
  };

  const webhookUrl = (): string | null => {
    const hook = deps.webhook();
    if (!hook) return null;
    const host = deps.repo.connection().webhookVia === 'docker' ? 'host.docker.internal' : '127.0.0.1';
    return `http://${host}:${hook.port}${hook.path}`;
  };

  /** The session config WAHA should hold: our webhook (signed with the path token), NOWEB's message store on for chat lookups. */
  const wantedConfig = (current: WahaSession['config']): Record<string, unknown> | null => {
    const url = webhookUrl();
    const row = deps.repo.connection();
    const token = row.webhookTokenEnc ? deps.secrets.decrypt(row.webhookTokenEnc) : null;
    const others = (current?.webhooks ?? []).filter((w) => !/\/waha\/[A-Za-z0-9_-]{20,}$/.test(w.url));
    const ours = url && token ? [{ url, events: EVENTS, hmac: { key: token }, retries: { policy: 'exponential', delaySeconds: 2, attempts: 5 } }] : [];
    const config = { ...(current ?? {}), webhooks: [...others, ...ours], noweb: { ...((current?.noweb as object | undefined) ?? {}), store: { enabled: true, fullSync: false } } };
    const has = (current?.webhooks ?? []).some((w) => w.url === url) || ours.length === 0;
    const storeOn = (current?.noweb as { store?: { enabled?: boolean } } | undefined)?.store?.enabled === true;
    return has && storeOn ? null : config;
  };

  const setView = (next: WhatsappStatus): WhatsappStatus => {
    const changed = JSON.stringify({ ...next, checkedAt: 0 }) !== JSON.stringify({ ...view, checkedAt: 0 });
    view = next;
    if (changed) {
      deps.onStatus(view);
      for (const listener of listeners) listener(view);
    }
    return view;
  };

  const compose = (state: ConnectionState, problem: Message | null, session: WahaSession | null): WhatsappStatus => {
    const row = deps.repo.connection();
    const digits = session?.me?.id ? normaliseKzMobile(session.me.id.split('@')[0]) ?? session.me.id.split('@')[0]! : null;
    return {
      url: row.url,
      hasKey: Boolean(row.apiKeyEnc && row.keyUrl === row.url),
      state,
      me: state === 'working' && session?.me ? { phone: digits && /^\d{11}$/.test(digits) ? formatKzMobile(digits) : `+${digits}`, name: session.me.pushName ?? null } : null,
      webhookVia: row.webhookVia,
      lastWebhookAt,
      autoRestartedAt: row.autoRestartMs,
      paused: state !== 'working',
      problem,
      checkedAt: deps.now(),
    };
  };

  const schedule = (): void => {
    if (timer) clearTimeout(timer);
    if (stopped) return;
    timer = setTimeout(() => void refresh().catch(() => undefined), REFRESH_MS[view.state] ?? REFRESH_DEFAULT_MS);
    timer.unref?.();
  };

  async function readState(): Promise<WhatsappStatus> {
    const row = deps.repo.connection();
    if (!row.url) return compose('not_configured', msg('whatsapp.not_configured'), null);
    const waha = client();
    if (!waha) return compose('key_needed', msg('whatsapp.key_needed', { url: row.url }), null);
    let session: WahaSession | null;
    try {
      session = await waha.session();
    } catch (error) {
      if (!(error instanceof WahaError)) throw error;
      return compose(error.kind === 'unauthorized' ? 'unauthorized' : 'unreachable', error.userMessage, null);
    }
    if (!session) return compose('no_session', null, null);
    // Once per run: the session's webhook follows this app's receiver (its port may have changed).
    if (!configChecked) {
      configChecked = true;
      const config = wantedConfig(session.config);
      if (config) {
        log.info('WAHA session config updated: webhook and message store', { webhook: Boolean(webhookUrl()) });
        await waha.updateSession(config).catch((error: unknown) => log.warn('WAHA session config not updated', { error }));
      }
    }
    const state = STATE_OF[session.status];
    if (state === 'working' && row.autoRestartMs !== null) deps.repo.updateConnection({ autoRestartMs: null }, deps.now());
    if (state === 'failed') {
      if (row.autoRestartMs === null) {
        // A failed session is restarted once by the app (WAHA's advice: restart first, A1).
        deps.repo.updateConnection({ autoRestartMs: deps.now() }, deps.now());
        log.warn('WhatsApp session failed; restarting it once');
        await waha.restart().catch((error: unknown) => log.warn('WhatsApp session restart failed', { error }));
        return compose('starting', null, session);
      }
      return compose('failed', msg('whatsapp.session_failed'), session);
    }
    return compose(state, null, session);
  }

  function refresh(): Promise<WhatsappStatus> {
    refreshing ??= readState()
      .then(setView)
      .finally(() => {
        refreshing = null;
        schedule();
      });
    return refreshing;
  }

  const need = (): WahaClient => {
    const waha = client();
    if (!waha) {
      const row = deps.repo.connection();
      throw new AppError('conflict', row.url ? msg('whatsapp.key_needed', { url: row.url }) : msg('whatsapp.not_configured'));
    }
    return waha;
  };
  const asAppError = (error: unknown): never => {
    if (error instanceof WahaError) throw new AppError(error.kind === 'unauthorized' ? 'unauthorized' : error.kind === 'refused' || error.kind === 'not_working' ? 'conflict' : 'unavailable', error.userMessage);
    throw error;
  };

  /** Store a new address (and key): a changed address drops the old key, so it needs the key again. */
  function saveAddress(urlText: string, plainKey: string | undefined, webhookVia: 'docker' | 'local' | undefined): string {
    const check = checkWahaUrl(urlText);
    if (!check.ok) throw new AppError('invalid_input', check.problem);
    const row = deps.repo.connection();
    const patch: Parameters<WhatsappRepo['updateConnection']>[0] = { url: check.url };
    if (plainKey !== undefined) {
      deps.redactor.register(plainKey);
      Object.assign(patch, { apiKeyEnc: deps.secrets.encrypt(plainKey), keyUrl: check.url });
    } else if (row.url !== check.url) Object.assign(patch, { apiKeyEnc: null, keyUrl: null });
    if (webhookVia) patch.webhookVia = webhookVia;
    if (!row.webhookTokenEnc) patch.webhookTokenEnc = deps.secrets.encrypt(randomBytes(24).toString('base64url'));
    deps.repo.updateConnection(patch, deps.now());
    if (row.url !== check.url || plainKey !== undefined || (webhookVia && webhookVia !== row.webhookVia)) configChecked = false;
    log.info('WAHA address saved', { url: check.url, keyEntered: plainKey !== undefined, addressChanged: row.url !== check.url });
    return check.url;
  }

  return {
    client,
    status: (): WhatsappStatus => view,
    refresh,
    onChange(listener: (status: WhatsappStatus) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** A webhook arrived: the page can say statuses come live. */
    webhookSeen(): void {
      lastWebhookAt = deps.now();
    },
    /** The webhook receiver changed (started, other port): the session config follows at the next refresh. */
    webhookChanged(): void {
      configChecked = false;
    },

    async save(url: string, key: string | undefined, webhookVia: 'docker' | 'local' | undefined): Promise<WhatsappStatus> {
      saveAddress(url, key, webhookVia);
      return refresh();
    },

    /** A random key for this address; only its sha512: form (WAHA's environment) and the Docker command leave. */
    async generateKey(urlText: string): Promise<{ status: WhatsappStatus; wahaApiKey: string; dockerCommand: string }> {
      const key = randomBytes(24).toString('base64url');
      const url = saveAddress(urlText, key, undefined);
      const hashed = `sha512:${createHash('sha512').update(key).digest('hex')}`;
      const port = new URL(url).port || (url.startsWith('https:') ? '443' : '80');
      const dockerCommand = [
        'docker run -d --name waha --restart unless-stopped',
        `-p 127.0.0.1:${port}:3000`,
        '--add-host=host.docker.internal:host-gateway',
        '-v waha-sessions:/app/.sessions',
        '-e WHATSAPP_DEFAULT_ENGINE=NOWEB',
        `-e WAHA_API_KEY=${hashed}`,
        'devlikeapro/waha',
      ].join(' ');
      return { status: await refresh(), wahaApiKey: hashed, dockerCommand };
    },

    async forget(): Promise<WhatsappStatus> {
      deps.repo.updateConnection({ url: null, apiKeyEnc: null, keyUrl: null, autoRestartMs: null }, deps.now());
      log.info('WAHA connection forgotten');
      return refresh();
    },

    async control(action: 'start' | 'stop' | 'restart' | 'logout'): Promise<WhatsappStatus> {
      const waha = need();
      try {
        if (action === 'start') {
          const session = await waha.session();
          if (!session) await waha.createSession(wantedConfig(null));
          else {
            const config = wantedConfig(session.config);
            if (config) await waha.updateSession(config);
            if (session.status === 'STOPPED' || session.status === 'FAILED') await (session.status === 'FAILED' ? waha.restart() : waha.start());
          }
          configChecked = true;
        } else if (action === 'stop') await waha.stop();
        else if (action === 'restart') await waha.restart();
        else await waha.logout();
      } catch (error) {
        asAppError(error);
      }
      // The seller acted: a later failure may be restarted by the app again.
      deps.repo.updateConnection({ autoRestartMs: null }, deps.now());
      log.info('WhatsApp session action', { action });
      return refresh();
    },

    async qr(): Promise<string | null> {
      if (view.state !== 'scan_qr') return null;
      try {
        const image = await need().qr();
        return `data:${image.mimetype};base64,${image.data}`;
      } catch (error) {
        if (error instanceof WahaError && error.certain) return null;
        return asAppError(error);
      }
    },

    async pairingCode(phone: string): Promise<string> {
      const digits = normaliseKzMobile(phone);
      if (!digits) throw new AppError('invalid_input', msg('whatsapp.phone_format'));
      try {
        return await need().requestCode(digits);
      } catch (error) {
        return asAppError(error);
      }
    },

    stop(): void {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
    /** Waits for a refresh in progress (tests, shutdown). */
    async settled(): Promise<void> {
      await refreshing?.catch(() => undefined);
    },
  };
}
export type Connection = ReturnType<typeof createConnection>;
