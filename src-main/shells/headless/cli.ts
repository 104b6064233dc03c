import { parseArgs } from 'node:util';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { startHeadless } from './start-headless';
import { guardProcess } from './process-guard';

const HELP = `Kaspi Demper, headless mode: the dashboard in your browser, the bot in the background.

  npm run headless -- [--data-dir DIR] [--port N] [--json]

  --data-dir  where the database, logs and keys live (default ~/.kaspi-demper)
  --port      local port, 127.0.0.1 only (default 4780; 0 picks a free one)
  --json      print one JSON line {"url":…,"port":…,"dataDir":…} instead of text`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string', default: join(homedir(), '.kaspi-demper') },
      port: { type: 'string', default: '4780' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port: нужен номер порта от 0 до 65535, получено «${values.port}»`);
    process.exit(2);
  }
  const headless = await startHeadless({ dataDir: values['data-dir'], port, logToConsole: !values.json });
  guardProcess(headless.app.logger.child('process'));
  const { url, port: actualPort } = headless.bridge;
  if (values.json) {
    console.log(JSON.stringify({ url, port: actualPort, dataDir: headless.app.paths.dataDir }));
  } else {
    console.log(`\nKaspi Demper работает. Откройте в браузере:\n\n  ${url}\n\nДанные: ${headless.app.paths.dataDir}\n`);
  }
  const stop = () => void headless.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`Не удалось запустить: ${(error as Error).message}`);
  process.exit(1);
});
