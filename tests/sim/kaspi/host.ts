import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HostName } from './faults';
import { html, json, makeCtx, springError, type Router } from './http';
import { captchaPage } from './login-page';
import type { SimState } from './sim-state';

/**
 * One Kaspi host: faults first (issue 3 §7), then the route. Unknown paths are 404, known paths
 * with another method 405 (CDF saw 405 from offer-view, §4).
 */
export function hostHandler(sim: SimState, host: HostName, router: Router, hanging: Set<ServerResponse>): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const ctx = makeCtx(req, res);
    const run = async (): Promise<void> => {
      if (sim.faults.active) {
        for (const fault of sim.faults.draw(host, ctx.path)) {
          if (fault.kind === 'latency') await new Promise((r) => setTimeout(r, fault.latencyMs));
          else if (fault.kind === 'hang') {
            // Never answers: the client's timeout must fire. Closed when the simulator closes.
            hanging.add(res);
            res.on('close', () => hanging.delete(res));
            return;
          } else if (fault.kind === 'error') {
            return html(res, fault.status, `<html><head><title>${fault.status}</title></head><body><center><h1>${fault.status} Service Temporarily Unavailable</h1></center><hr><center>nginx</center></body></html>`);
          } else if (fault.kind === 'html') {
            return html(res, 200, '<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Kaspi.kz</title></head><body><h1>Ведутся технические работы</h1></body></html>');
          } else if (fault.kind === 'captcha') {
            if (ctx.method === 'GET') return html(res, 200, captchaPage());
            return json(res, 403, { errorCode: 'CAPTCHA_REQUIRED', errorMessage: 'Подтвердите, что вы не робот' });
          }
        }
      }
      const route = router.find(ctx.method, ctx.path);
      if (route === null) return notFound();
      if (route === 'method') return host === 'mc' ? springError(ctx, 405, 'Method Not Allowed') : html(res, 405, '<html><body><h1>405 Not Allowed</h1></body></html>');
      ctx.params = route.params;
      await route.handler(ctx);
    };
    const notFound = (): void => {
      if (host === 'mc') springError(ctx, 404, 'Not Found');
      else html(res, 404, '<!doctype html><html><body><h1>404 Not Found</h1></body></html>');
    };
    run().catch((err: unknown) => {
      if (!res.headersSent) json(res, 500, { message: 'simulator error', detail: String(err) });
      else res.destroy();
    });
  };
}
