import { create } from 'zustand';
import type { Language, Settings } from '../../src-shared/contract/settings';
import { api } from '../api/client';
import { translateError } from '../i18n/translate';

import { PAGES } from './pages';
import type { Page } from './pages';

export { PAGES };
export type { Page };

interface UiState {
  page: Page;
  settings: Settings | null;
  /** Why the settings could not be read, in the language shown until they are (Russian). */
  loadError: string | null;
  go(page: Page): void;
  load(): Promise<void>;
  update(patch: Partial<Pick<Settings, 'language' | 'theme'>>): Promise<void>;
}

function pageFromHash(): Page {
  const name = window.location.hash.replace(/^#\/?/, '');
  return (PAGES as readonly string[]).includes(name) ? (name as Page) : 'overview';
}

export const useUi = create<UiState>((set, get) => ({
  page: pageFromHash(),
  settings: null,
  loadError: null,
  go(page) {
    window.location.hash = `/${page}`;
    set({ page });
  },
  async load() {
    try {
      set({ settings: await api.call('settings.get', {}), loadError: null });
    } catch (error) {
      set({ loadError: translateError(get().settings?.language ?? 'ru', error) });
    }
  },
  async update(patch) {
    set({ settings: await api.call('settings.update', patch) });
  },
}));

/** Other windows or tabs change settings too: follow main's event. */
api.on('settings.changed', (settings) => useUi.setState({ settings }));
window.addEventListener('hashchange', () => useUi.setState({ page: pageFromHash() }));

export function useLanguage(): Language {
  return useUi((state) => state.settings?.language ?? 'ru');
}
