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

/** Where Kaspi sent the login code: an SMS to a phone, or an e-mail for an employee's login (§1d). */
export interface CodeRequest {
  kind: 'sms' | 'email';
  /** The phone or address it went to, when known. */
  sentTo?: string;
}

export interface LoginRequest {
  endpoints: KaspiEndpoints;
  method: LoginMethod;
  login: string;
  password?: string;
  askCode(request: CodeRequest): Promise<string>;
  onStep?(step: 'browser' | 'credentials' | 'code'): void;
}

/** The browser login, swappable so the service can be driven by the real Playwright login or a test double. */
export type LoginRunner = (request: LoginRequest) => Promise<{ cookies: SessionCookie[] }>;

/** Which connection a cabinet call goes out through (the proxy pool decides); undefined = direct. */
export type DispatcherFor = (storeId: number | null) => Dispatcher | undefined;
