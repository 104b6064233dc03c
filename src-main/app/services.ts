/**
 * The app's shape as types only: what the composition root (create-app.ts) builds and what the
 * API handlers are made from. Handlers import these types from here, never create-app itself, so
 * the root can import the handlers without an import cycle between them.
 */
import type { Database } from 'better-sqlite3';
import type { Dispatcher } from '../../src-shared/contract/dispatcher';
import type { WakeReport } from '../../src-shared/contract/power';
import type { Message } from '../../src-shared/i18n/message';
import type { AnalyticsService } from '../analytics/analytics-service';
import type { BacktestService } from '../backtest/backtest-service';
import type { InsightsService } from '../insights/insights-service';
import type { SqliteProxyStore } from '../db/repos/proxies-repo';
import type { SettingsRepo } from '../db/repos/settings-repo';
import type { DemperService } from '../demper-wiring/demper-service';
import type { EngineSettingsInput } from '../demper/settings';
import type { Logger, LogLevel } from '../logging/logger';
import type { Redactor } from '../logging/redact';
import type { BackupService } from '../maintenance/backup-service';
import type { OrdersSyncSettings } from '../orders/order-sync';
import type { OrdersService } from '../orders/orders-service';
import type { PreorderSenderSettings } from '../preorders/preorder-sender';
import type { PreordersService } from '../preorders/preorders-service';
import type { SleepBlocker } from '../power/keep-awake';
import type { PowerEventSource } from '../power/power-handling';
import type { SleepGuard } from '../power/sleep-guard';
import type { ProductsTable } from '../products-table/products-table-service';
import type { ProxyPool } from '../proxies/pool';
import type { KeyWrapper } from '../secrets/key-file-box';
import type { SecretBox } from '../secrets/secret-box';
import type { FilePicker } from '../security/file-picker';
import type { StartupTarget } from '../security/login-target';
import type { LoginRunner } from '../stores/ports';
import type { SessionManager } from '../stores/session-manager';
import type { StoreService } from '../stores/store-service';
import type { Clock } from '../time/clock';
import type { UpdateController, UpdaterPort } from '../updates/update-controller';
import type { WhatsappService } from '../whatsapp/whatsapp-service';
import type { WhatsappPacing } from '../whatsapp/pacing';
import type { ReviewsService, ReviewsSettings } from '../reviews/reviews-service';
import type { DataPaths } from './data-paths';
import type { EventBus } from './event-bus';

export interface AppConfig extends StartupTarget {
  dataDir: string;
  shell: 'electron' | 'headless';
  appVersion: string;
  /** How the data key is sealed: the desktop shell passes safeStorage; headless keeps a 0600 key file. */
  keyWrapper?: KeyWrapper;
  /** Whether a browser window can be shown to the user (a captcha at login); false on a server. */
  hasScreen?: boolean;
  logLevel?: LogLevel;
  logToConsole?: boolean;
  /** The app's one clock (tests fix or shift its time); the system's by default. */
  clock?: Clock;
  /** Replaces the Playwright login (tests of the services around it). */
  runLogin?: LoginRunner;
  /** Periodic proxy health checks; off in tests that count requests. */
  proxyHealthChecks?: boolean;
  /** Start the demper at once if the seller left it running (default); tests decide themselves. */
  autoStartDemper?: boolean;
  /** Engine numbers the seller does not tune: tests and benchmarks shrink delays here. */
  engineOverrides?: EngineSettingsInput;
  /** The desktop's native file dialog; absent in headless mode, where files come from flags and the data folder. */
  pickFile?: FilePicker;
  /** What the shell found at start that weakens protection (no OS keychain): logged and shown on the System page. */
  warnings?: Message[];
  /** Makes the desktop shell's self-updater (electron-updater) on the app's logger; absent in headless mode. */
  updater?: (logger: Logger) => UpdaterPort;
  /** Sleep, wake and network events (Electron's powerMonitor); by default, wall-clock jumps. */
  powerEvents?: PowerEventSource;
  /** Electron's powerSaveBlocker, for the "keep the computer awake" option. */
  sleepBlocker?: SleepBlocker;
  /** The desktop shell's notification of a wake report. */
  onWakeReport?: (report: WakeReport) => void;
  /** Read every store's orders in the background from the start (default); tests decide themselves. */
  autoStartOrders?: boolean;
  /** Order sync numbers (poll interval, request spacing, how far back): tests and benchmarks shrink them. */
  ordersOverrides?: Partial<OrdersSyncSettings>;
  /** WhatsApp pacing (gaps, typing, timeouts, webhook port): tests and the demo shrink it. */
  whatsappOverrides?: Partial<WhatsappPacing>;
  /** Read reviews in the background (default: as orders do). */
  autoStartReviews?: boolean;
  reviewsOverrides?: Partial<ReviewsSettings>;
  /** Pre-order sender numbers (read-back delay, file batch size): tests shrink them. */
  preorderOverrides?: Partial<PreorderSenderSettings>;
}

/** The services handlers are built from. */
export interface AppServices {
  config: AppConfig;
  paths: DataPaths;
  db: Database;
  /** Every setting, read once at start and kept current by its writes. */
  settings: SettingsRepo;
  events: EventBus;
  logger: Logger;
  redactor: Redactor;
  secrets: SecretBox;
  startedAt: Date;
  clock: Clock;
  /** The clock's time as a Date, for the services that stamp rows with it. */
  now: () => Date;
  sessions: SessionManager;
  stores: StoreService;
  backups: BackupService;
  proxyStore: SqliteProxyStore;
  pool: ProxyPool;
  demper: DemperService;
  /** Null where the app cannot update itself (headless mode). */
  updates: UpdateController | null;
  power: SleepGuard;
  orders: OrdersService;
  analytics: AnalyticsService;
  whatsapp: WhatsappService;
  reviews: ReviewsService;
  /** The products table served by window, kept current and pushed as row deltas (issue #14). */
  productsTable: ProductsTable;
  insights: InsightsService;
  backtests: BacktestService;
  preorders: PreordersService;
}

export interface App extends AppServices {
  dispatcher: Dispatcher;
  close(): Promise<void>;
}
