import { parseArgs } from 'node:util';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { KaspiEndpoints } from '../../kaspi/endpoints';
import { checkBrowserPath } from '../../security/browser-path';
import { KASPI_SIM_ENV, parseKaspiSim } from '../../security/kaspi-sim-option';
import { msg } from '../../../src-shared/i18n/message';
import { MessageError } from '../../../src-shared/i18n/message-error';

export const HELP = `Kaspi Demper, headless mode: the dashboard in your browser, the bot in the background.

  npm run headless -- [--data-dir DIR] [--port N] [--browser PATH] [--kaspi-sim JSON] [--json]

  --data-dir   where the database, logs and keys live (default ~/.kaspi-demper)
  --port       local port, 127.0.0.1 only (default 4780; 0 picks a free one)
  --browser    the Chrome, Edge or Chromium the Kaspi login runs in (default: found on its own)
  --kaspi-sim  the Kaspi simulator instead of Kaspi: the JSON line \`npm run sim\` prints
               (or the ${KASPI_SIM_ENV} environment variable); loopback addresses only
  --json       print one JSON line {"url":…,"port":…,"dataDir":…} instead of text`;

export interface HeadlessCliOptions {
  help: boolean;
  dataDir: string;
  port: number;
  json: boolean;
  browserPath?: string;
  kaspiSim?: KaspiEndpoints;
}

/** The command line and environment of `npm run headless`; throws a MessageError that tells the seller what to fix. */
export function parseHeadlessArgs(args: string[], env: Record<string, string | undefined> = process.env): HeadlessCliOptions {
  const { values } = parseArgs({
    args,
    options: {
      'data-dir': { type: 'string', default: join(homedir(), '.kaspi-demper') },
      port: { type: 'string', default: '4780' },
      browser: { type: 'string' },
      'kaspi-sim': { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new MessageError(msg('cli.port', { value: values.port }));
  let browserPath: string | undefined;
  if (values.browser !== undefined) {
    const check = checkBrowserPath(values.browser);
    if (!check.ok) throw new MessageError(msg('cli.browser', { problem: check.problem }));
    browserPath = check.executablePath;
  }
  const simText = values['kaspi-sim'] ?? env[KASPI_SIM_ENV];
  return {
    help: values.help,
    dataDir: values['data-dir'],
    port,
    json: values.json,
    browserPath,
    kaspiSim: simText ? parseKaspiSim(simText) : undefined,
  };
}
