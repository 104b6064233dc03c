import { z } from 'zod';
import { messageCode } from '../i18n/message';
import { call } from './define';
import { isKaspiUrl, KASPI_URL_MESSAGE } from '../domain/kaspi-url';
import { updateChannel } from './updates';

export const LANGUAGES = ['ru', 'kk', 'en'] as const;
export const language = z.enum(LANGUAGES);
export type Language = z.infer<typeof language>;

const kaspiUrl = z.string().refine(isKaspiUrl, { message: KASPI_URL_MESSAGE });

/** Everything the user can change. Stored in SQLite so both shells share it. */
export const settings = z.object({
  language,
  theme: z.enum(['light', 'dark', 'system']),
  kaspi: z.object({
    idmcUrl: kaspiUrl,
    mcUrl: kaspiUrl,
    storefrontUrl: kaspiUrl,
    /**
     * A browser for the cabinet login; null finds Edge, Chrome or Chromium on its own. Chosen in a
     * native file dialog (settings.chooseBrowser) on the desktop, by `--browser` in headless mode.
     */
    browserPath: z.string().min(1).nullable(),
  }),
  /** Which events raise a desktop notification (the desktop app; headless mode only logs them). */
  notifications: z.object({
    floorReached: z.boolean(),
    accountBlocked: z.boolean(),
    loginNeeded: z.boolean(),
    killSwitch: z.boolean(),
    /** A new review of 3 stars or fewer (issue 17). */
    lowReview: z.boolean(),
  }),
  /** Desktop app only. */
  desktop: z.object({
    launchAtLogin: z.boolean(),
    /** Closing the window keeps the bot working from the tray. */
    minimizeToTray: z.boolean(),
    /** Keeps the computer from sleeping while the demper runs (off by default: it drains a laptop). */
    preventSleep: z.boolean(),
  }),
  /** Desktop app only: which releases the app updates itself to. */
  updates: z.object({ channel: updateChannel }),
});
export type Settings = z.infer<typeof settings>;

export const DEFAULT_SETTINGS: Settings = {
  language: 'ru',
  theme: 'system',
  kaspi: {
    idmcUrl: 'https://idmc.shop.kaspi.kz',
    mcUrl: 'https://mc.shop.kaspi.kz',
    storefrontUrl: 'https://kaspi.kz',
    browserPath: null,
  },
  notifications: { floorReached: true, accountBlocked: true, loginNeeded: true, killSwitch: true, lowReview: true },
  desktop: { launchAtLogin: false, minimizeToTray: true, preventSleep: false },
  updates: { channel: 'stable' },
};

export const settingsPatch = z.object({
  language: language.optional(),
  theme: settings.shape.theme.optional(),
  kaspi: settings.shape.kaspi
    .extend({
      // Over the API the browser can only be handed back to automatic discovery: a path typed
      // here would let any caller make the next login launch any program.
      browserPath: z.null({ error: messageCode('settings.browser_by_dialog') }),
    })
    .partial()
    .optional(),
  notifications: settings.shape.notifications.partial().optional(),
  desktop: settings.shape.desktop.partial().optional(),
  updates: settings.shape.updates.partial().optional(),
});
export type SettingsPatch = z.infer<typeof settingsPatch>;

export const settingsCalls = {
  'settings.get': call(z.object({}), settings),
  'settings.update': call(settingsPatch, settings),
  /** Desktop: the seller picks the login browser in a native file dialog (unchanged if cancelled). */
  'settings.chooseBrowser': call(z.object({}), settings),
};

export const settingsEvents = {
  'settings.changed': settings,
};
