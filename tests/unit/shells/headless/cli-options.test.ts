import { describe, expect, it } from 'vitest';
import { parseHeadlessArgs } from '../../../../src-main/shells/headless/cli-options';
import { CHROMIUM_PATH } from '../../../support/browser';

const SIM = '{"idmc":"http://127.0.0.1:4001","mc":"http://127.0.0.1:4002","storefront":"http://127.0.0.1:4003"}';

describe('npm run headless options', () => {
  it('take the login browser and the simulator at start, from flags or KD_KASPI_SIM', () => {
    expect(parseHeadlessArgs(['--browser', CHROMIUM_PATH, '--kaspi-sim', SIM, '--port', '0'], {})).toMatchObject({
      port: 0,
      browserPath: CHROMIUM_PATH,
      kaspiSim: { idmcUrl: 'http://127.0.0.1:4001' },
    });
    expect(parseHeadlessArgs([], { KD_KASPI_SIM: SIM }).kaspiSim).toMatchObject({ storefrontUrl: 'http://127.0.0.1:4003' });
    expect(parseHeadlessArgs([], {})).toMatchObject({ browserPath: undefined, kaspiSim: undefined, port: 4780 });
  });

  it('refuse a program that is not a browser, a remote "simulator" and a bad port, saying which flag is wrong', () => {
    expect(() => parseHeadlessArgs(['--browser', '/bin/sh'], {})).toThrow(/^--browser: .*не браузер/);
    expect(() => parseHeadlessArgs(['--kaspi-sim', SIM.replace('http://127.0.0.1:4001', 'https://evil.example')], {})).toThrow(/^--kaspi-sim/);
    expect(() => parseHeadlessArgs(['--port', '99999'], {})).toThrow(/^--port/);
  });
});
