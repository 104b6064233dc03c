import { AppError } from '../../src-shared/contract/errors';
import { msg } from '../../src-shared/i18n';
import type { Message } from '../../src-shared/i18n';
import type { UpdateChannel, UpdateStatus } from '../../src-shared/contract/updates';
import type { Logger } from '../logging/logger';

/**
 * The desktop app's self-update policy, apart from electron-updater (which needs Electron): check
 * soon after start and every few hours, let the updater download in the background, show "restart
 * to update", and restart only when the seller asks and the pushes in flight have settled.
 */

/** What the updater library tells us; the Electron shell maps electron-updater's events to these. */
export type UpdaterEvent =
  | { type: 'checking' }
  | { type: 'available'; version: string }
  | { type: 'not-available' }
  | { type: 'progress'; percent: number }
  | { type: 'downloaded'; version: string }
  | { type: 'error'; message: string };

/** The boundary to electron-updater: everything the controller needs, nothing Electron-shaped. */
export interface UpdaterPort {
  /** null when updates work here; otherwise why not (a development run, a portable build). */
  readonly unsupportedReason: Message | null;
  readonly currentVersion: string;
  setChannel(channel: UpdateChannel): void;
  /** Starts a check; a found update downloads by itself. */
  check(): Promise<unknown>;
  /** Quits, installs the downloaded update and starts the new version. */
  quitAndInstall(): void;
  onEvent(listener: (event: UpdaterEvent) => void): void;
}

export interface UpdateTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  setInterval(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface UpdateControllerDeps {
  updater: UpdaterPort;
  channel: () => UpdateChannel;
  /** Resolves once no price push is in flight and the engine will start no new one. */
  settle: () => Promise<void>;
  /** Undoes `settle` when the installer did not take over (the app is still running after a while). */
  resume: () => Promise<void>;
  emit: (status: UpdateStatus) => void;
  logger: Logger;
  now?: () => number;
  timers?: UpdateTimers;
  firstCheckDelayMs?: number;
  checkEveryMs?: number;
}

export const FIRST_CHECK_DELAY_MS = 30_000;
export const CHECK_EVERY_MS = 4 * 3_600_000;
/** After quitAndInstall the process should be gone well within this; if not, the bot goes back to work. */
export const INSTALL_GRACE_MS = 60_000;

const nodeTimers: UpdateTimers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms).unref(),
  setInterval: (fn, ms) => setInterval(fn, ms).unref(),
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export function createUpdateController(deps: UpdateControllerDeps) {
  const { updater } = deps;
  const log = deps.logger.child('updates');
  const now = deps.now ?? Date.now;
  const timers = deps.timers ?? nodeTimers;
  let status: UpdateStatus = {
    state: updater.unsupportedReason ? 'unsupported' : 'idle',
    currentVersion: updater.currentVersion,
    channel: deps.channel(),
    version: null,
    percent: null,
    checkedAt: null,
    message: updater.unsupportedReason,
  };
  const set = (patch: Partial<UpdateStatus>) => {
    status = { ...status, ...patch };
    deps.emit(status);
  };

  updater.onEvent((event) => {
    // Once downloaded (or restarting), later checks must not hide the "restart to update" offer.
    if (status.state === 'restarting' || (status.state === 'ready' && event.type !== 'downloaded')) return;
    switch (event.type) {
      case 'checking':
        set({ state: 'checking', message: null });
        break;
      case 'available':
        log.info('update found, downloading', { version: event.version });
        set({ state: 'downloading', version: event.version, percent: 0, checkedAt: now() });
        break;
      case 'not-available':
        set({ state: 'up_to_date', version: null, percent: null, checkedAt: now() });
        break;
      case 'progress':
        set({ state: 'downloading', percent: Math.max(0, Math.min(100, Math.round(event.percent))) });
        break;
      case 'downloaded':
        log.info('update downloaded, waiting for the seller to restart', { version: event.version });
        set({ state: 'ready', version: event.version, percent: 100 });
        break;
      case 'error':
        log.warn('update failed', { message: event.message });
        set({ state: 'error', message: msg('untranslated', { text: event.message }), checkedAt: now() });
        break;
    }
  });

  const check = async (): Promise<UpdateStatus> => {
    if (status.state === 'unsupported' || status.state === 'ready' || status.state === 'restarting') return status;
    try {
      await updater.check();
    } catch (error) {
      // electron-updater also emits 'error'; a rejection without one still has to be shown.
      if (status.state !== 'error') set({ state: 'error', message: msg('untranslated', { text: (error as Error).message }), checkedAt: now() });
    }
    return status;
  };

  let firstCheck: unknown = null;
  let periodic: unknown = null;

  return {
    status: (): UpdateStatus => status,
    check,
    /** Starts the schedule: a first check shortly after start, then every few hours. */
    start(): void {
      if (status.state === 'unsupported') {
        log.info('updates unsupported here', { reason: status.message });
        return;
      }
      updater.setChannel(status.channel);
      firstCheck = timers.setTimeout(() => void check(), deps.firstCheckDelayMs ?? FIRST_CHECK_DELAY_MS);
      periodic = timers.setInterval(() => void check(), deps.checkEveryMs ?? CHECK_EVERY_MS);
    },
    /** The seller switched stable/beta in Settings: look for that channel's release now. */
    async channelChanged(): Promise<void> {
      const channel = deps.channel();
      if (channel === status.channel) return;
      set({ channel });
      if (status.state === 'unsupported') return;
      updater.setChannel(channel);
      await check();
    },
    /** "Restart to update": only on the seller's request, never while a push is in flight. */
    async install(): Promise<UpdateStatus> {
      if (status.state !== 'ready') throw new AppError('conflict', msg('updates.not_ready'));
      set({ state: 'restarting' });
      log.info('restarting to update: waiting for pushes in flight', { version: status.version });
      await deps.settle();
      updater.quitAndInstall();
      timers.setTimeout(() => {
        log.error('the update did not install: the app is still running', { version: status.version });
        set({ state: 'error', message: msg('updates.install_failed') });
        void deps.resume();
      }, INSTALL_GRACE_MS);
      return status;
    },
    stop(): void {
      if (firstCheck) timers.clear(firstCheck);
      if (periodic) timers.clear(periodic);
    },
  };
}
export type UpdateController = ReturnType<typeof createUpdateController>;
