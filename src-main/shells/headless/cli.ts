import { startHeadless } from './start-headless';
import { guardProcess } from './process-guard';
import { HELP, parseHeadlessArgs } from './cli-options';
import type { HeadlessCliOptions } from './cli-options';
import { errorText, FALLBACK_LANGUAGE, msg, renderMessage } from '../../../src-shared/i18n';
import type { Language, Message } from '../../../src-shared/i18n';

/** The console speaks the seller's language once the settings are read; Russian before that. */
let language: Language = FALLBACK_LANGUAGE;
const say = (message: Message) => renderMessage(message, language);
const problemOf = (error: unknown) => errorText(error, language);

async function main(): Promise<void> {
  let options: HeadlessCliOptions;
  try {
    options = parseHeadlessArgs(process.argv.slice(2));
  } catch (error) {
    console.error(problemOf(error));
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
  language = headless.app.settings.app().language;
  const { url, port: actualPort } = headless.bridge;
  if (options.json) {
    console.log(JSON.stringify({ url, port: actualPort, dataDir: headless.app.paths.dataDir }));
  } else {
    const sim = options.kaspiSim ? `\n${say(msg('headless.simulator', { url: options.kaspiSim.idmcUrl }))}\n` : '';
    console.log(`\n${say(msg('headless.running'))}\n\n  ${url}\n\n${say(msg('headless.data_dir', { path: headless.app.paths.dataDir }))}\n${sim}`);
  }
  const stop = () => void headless.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(say(msg('headless.start_failed', { problem: problemOf(error) })));
  process.exit(1);
});
