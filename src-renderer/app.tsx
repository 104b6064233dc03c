import { useEffect } from 'react';
import type { ReactNode } from 'react';
import { DesktopStatus } from './components/desktop-status';
import { EmptyState } from './components/empty-state';
import { LanguageSwitch } from './components/language-switch';
import { useT } from './i18n/use-t';
import type { MessageKey } from './i18n/catalog';
import { SettingsPage } from './pages/settings/settings-page';
import { SystemPage } from './pages/system/system-page';
import { StoresPage } from './pages/stores/stores-page';
import { ProductsPage } from './pages/products/products-page';
import { LogsPage } from './pages/logs/logs-page';
import { DemperPage } from './pages/demper/demper-page';
import { ProxiesPage } from './pages/proxies/proxies-page';
import { OverviewPage } from './pages/overview/overview-page';
import { OrdersPage } from './pages/orders/orders-page';
import { AnalyticsPage } from './pages/analytics/analytics-page';
import { InsightsPage } from './pages/insights/insights-page';
import { BacktestPage } from './pages/backtest/backtest-page';
import { ReviewsPage } from './pages/reviews/reviews-page';
import { WhatsappPage } from './pages/whatsapp/whatsapp-page';
import { PreordersPage } from './pages/preorders/preorders-page';
import { PAGES, useUi } from './store/ui-store';
import type { Page } from './store/ui-store';

/** Pages whose own issue has not landed yet show what they are for and what to do first. */
const EMPTY_TEXT: Partial<Record<Page, MessageKey>> = {
};

const PAGE_VIEWS: Partial<Record<Page, () => ReactNode>> = {
  stores: () => <StoresPage />,
  products: () => <ProductsPage />,
  logs: () => <LogsPage />,
  demper: () => <DemperPage />,
  proxies: () => <ProxiesPage />,
  overview: () => <OverviewPage />,
  orders: () => <OrdersPage />,
  analytics: () => <AnalyticsPage />,
  insights: () => <InsightsPage />,
  backtest: () => <BacktestPage />,
  reviews: () => <ReviewsPage />,
  whatsapp: () => <WhatsappPage />,
  preorders: () => <PreordersPage />,
  settings: () => <SettingsPage />,
  system: () => <SystemPage />,
};

export function App() {
  const t = useT();
  const { page, go, load, settings, loadError } = useUi();

  useEffect(() => { void load(); }, [load]);
  useEffect(() => {
    const dark = settings?.theme === 'dark' || (settings?.theme === 'system' && window.matchMedia?.('(prefers-color-scheme: dark)').matches);
    document.documentElement.dataset.theme = dark ? 'dark' : 'light';
    document.documentElement.lang = settings?.language ?? 'ru';
  }, [settings?.theme, settings?.language]);

  const view = PAGE_VIEWS[page];
  const empty = EMPTY_TEXT[page];
  return (
    <div className="shell">
      <nav className="sidebar" aria-label={t('app.title')}>
        <div className="brand">
          <strong>{t('app.title')}</strong>
          <small>{t('app.tagline')}</small>
        </div>
        {PAGES.map((name) => (
          <button key={name} className={name === page ? 'nav-item active' : 'nav-item'} data-testid={`nav-${name}`} onClick={() => go(name)}>
            {t(`nav.${name}`)}
          </button>
        ))}
      </nav>
      <div className="main">
        <header className="topbar">
          <LanguageSwitch />
        </header>
        {loadError && <p className="error banner" role="alert">{loadError}</p>}
        <DesktopStatus />
        <main>{view ? view() : <EmptyState title={t(`nav.${page}`)}>{empty ? t(empty) : null}</EmptyState>}</main>
      </div>
    </div>
  );
}
