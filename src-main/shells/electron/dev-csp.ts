/**
 * `npm run dev` only: Vite's React Fast Refresh injects one inline module script, which the
 * renderer's strict CSP forbids. The development window and dev server allow inline scripts; the
 * built app and the headless bridge keep the strict policy.
 */
export function devCsp(csp: string): string {
  return csp.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'");
}
