import type { Dispatcher } from 'undici';
import type { KaspiEndpoints } from '../kaspi/endpoints';
import type { LoginMethod } from '../../src-shared/domain/store';

export interface SessionCookie {
  name: string;
  value: string;
  domain?: string;
  path?: string;
  expires?: number;
}

export interface LoginRequest {
  endpoints: KaspiEndpoints;
  method: LoginMethod;
  login: string;
  password?: string;
  askCode(request: { kind: 'sms'; phoneHint?: string }): Promise<string>;
  onStep?(step: 'browser' | 'credentials' | 'code'): void;
}

/** The browser login, swappable so the service can be driven by the real Playwright login or a test double. */
export type LoginRunner = (request: LoginRequest) => Promise<{ cookies: SessionCookie[] }>;

/** Which connection a cabinet call goes out through (the proxy pool decides); undefined = direct. */
export type DispatcherFor = (storeId: number | null) => Dispatcher | undefined;
