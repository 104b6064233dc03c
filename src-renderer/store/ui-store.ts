import { create } from 'zustand';
import type { Language, Settings } from '../../src-shared/contract/settings';
import { api } from '../api/client';
import { userMessageOf } from '../../src-shared/i18n';
import type { Message } from '../../src-shared/i18n';

import { PAGES } from './pages';
import type { Page } from './pages';

export { PAGES };
export type { Page };

interface UiState {
  page: Page;
  settings: Settings | null;
  /** Why the settings could not be read (shown in the user's language by the app frame). */
  loadError: Message | null;
  go(page: Page): void;
  load(): Promise<void>;
  update(patch: Partial<Pick<Settings, 'language' | 'theme'>>): Promise<void>;
}

function pageFromHash(): Page {
  const name = window.location.hash.replace(/^#\/?/, '');
  return (PAGES as readonly string[]).includes(name) ? (name as Page) : 'overview';
}

export const useUi = create<UiState>((set) => ({
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
      set({ loadError: userMessageOf(error) });
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
