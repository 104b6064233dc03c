import { startHeadless } from './start-headless';
import { guardProcess } from './process-guard';
import { HELP, parseHeadlessArgs } from './cli-options';
import type { HeadlessCliOptions } from './cli-options';

async function main(): Promise<void> {
  let options: HeadlessCliOptions;
  try {
    options = parseHeadlessArgs(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  if (options.help) {
    console.log(HELP);
    return;
  }
  const headless = await startHeadless({
    dataDir: options.dataDir,
    port: options.port,
    logToConsole: !options.json,
    config: { browserPath: options.browserPath, kaspiSim: options.kaspiSim },
  });
  guardProcess(headless.app.logger.child('process'));
  const { url, port: actualPort } = headless.bridge;
  if (options.json) {
    console.log(JSON.stringify({ url, port: actualPort, dataDir: headless.app.paths.dataDir }));
  } else {
    const sim = options.kaspiSim ? `\nKaspi: симулятор (${options.kaspiSim.idmcUrl})\n` : '';
    console.log(`\nKaspi Demper работает. Откройте в браузере:\n\n  ${url}\n\nДанные: ${headless.app.paths.dataDir}\n${sim}`);
  }
  const stop = () => void headless.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`Не удалось запустить: ${(error as Error).message}`);
  process.exit(1);
});
