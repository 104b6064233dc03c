import { z } from 'zod';
import { Router, cookie, html, json, redirect, type Ctx } from './http';
import { becomeSellerPage, loginPage } from './login-page';
import type { LoginOutcome } from './sessions';
import type { SimState } from './sim-state';

/** client_id observed in the chain (§1c step 5); clients should read it from the redirect. */
export const OAUTH_CLIENT_ID = 'da68118c-9671-4cb5-8c9e-c08785ad204b';
const SSO = 'MS_AUTH_SSO';

/** `/api/p/login` bodies (§1c, §1d, §11): phone, phone code, password, MFA code. */
const loginBody = z.union([
  z.object({ _ph: z.string() }),
  z.object({ _c: z.string() }),
  z.object({ _u: z.string(), _m_c: z.string(), _r_d: z.boolean().optional() }),
  z.object({ _u: z.string(), _p: z.string(), _r_d: z.boolean().optional() }),
]);

export function idmcRouter(sim: SimState): Router {
  const r = new Router();

  // §1c step 1: the page sets a first MS_AUTH_SSO.
  r.on('GET', '/login', (ctx) => {
    const existing = ctx.cookies()[SSO];
    const headers: Record<string, string[]> = {};
    if (!sim.sessions.ssoState(existing)) headers['set-cookie'] = [cookie(SSO, sim.sessions.newSso())];
    html(ctx.res, 200, loginPage(), headers);
  });

  r.on('GET', '/become-seller', (ctx) => html(ctx.res, 200, becomeSellerPage()));

  r.on('POST', '/api/p/login', async (ctx) => {
    let body: z.infer<typeof loginBody>;
    try {
      body = loginBody.parse(JSON.parse(await ctx.body()));
    } catch {
      json(ctx.res, 400, { errorCode: 'BAD_REQUEST', errorMessage: 'Некорректный запрос' });
      return;
    }
    // A client that skipped GET /login has no login state yet: it gets a fresh MS_AUTH_SSO.
    let sso = ctx.cookies()[SSO];
    const setCookies: string[] = [];
    if (!sim.sessions.ssoState(sso)) {
      sso = sim.sessions.newSso();
      setCookies.push(cookie(SSO, sso));
    }
    const ssoToken = sso as string;
    let outcome: LoginOutcome;
    if ('_ph' in body) outcome = sim.sessions.phoneStart(ssoToken, body._ph, sim.world.accountByPhone(body._ph));
    else if ('_c' in body) outcome = sim.sessions.phoneCode(ssoToken, body._c);
    else if ('_m_c' in body) outcome = sim.sessions.mfaCode(ssoToken, sim.world.accountByEmail(body._u), body._m_c);
    else outcome = sim.sessions.password(ssoToken, sim.world.accountByEmail(body._u), body._p);
    if ('sso' in outcome && outcome.sso) setCookies.push(cookie(SSO, outcome.sso));
    json(ctx.res, outcome.status, outcome.body, setCookies.length ? { 'set-cookie': setCookies } : {});
  });

  // After a login the page goes to "/": a logged-in browser continues into the cabinet chain (§1d step 4).
  r.on('GET', '/', (ctx) => {
    const state = sim.sessions.ssoState(ctx.cookies()[SSO]);
    if (!state?.authenticated) return redirect(ctx.res, '/login');
    redirect(ctx.res, `${sim.urls.mc}/oauth2/authorization/1?redirectUrl=${encodeURIComponent(`${sim.urls.storefront}/mc/`)}`);
  });

  // §1c step 4, second hop: an authenticated MS_AUTH_SSO gets a code for the cabinet.
  r.on('GET', '/oauth2/authorize', (ctx: Ctx) => {
    const q = ctx.query;
    const redirectUri = q.get('redirect_uri') ?? '';
    if (q.get('response_type') !== 'code' || q.get('client_id') !== OAUTH_CLIENT_ID || redirectUri !== `${sim.urls.mc}/login/oauth2/code/1`) {
      return json(ctx.res, 400, { error: 'invalid_request' });
    }
    const state = sim.sessions.ssoState(ctx.cookies()[SSO]);
    if (!state?.authenticated || !state.accountId) return redirect(ctx.res, '/login');
    const code = sim.sessions.issueCode(state.accountId, redirectUri);
    redirect(ctx.res, `${redirectUri}?code=${code}&state=${encodeURIComponent(q.get('state') ?? '')}`);
  });

  return r;
}
