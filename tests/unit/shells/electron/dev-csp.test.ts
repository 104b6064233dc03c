import { describe, expect, it } from 'vitest';
import { CSP } from '../../../../src-main/app/content-security-policy';
import { devCsp } from '../../../../src-main/shells/electron/dev-csp';

describe('the development CSP (npm run dev)', () => {
  it('allows only the inline script Fast Refresh needs, and keeps everything else strict', () => {
    const dev = devCsp(CSP);
    expect(dev).toContain("script-src 'self' 'unsafe-inline'");
    expect(dev.replace(" 'unsafe-inline'", '')).toBe(CSP.replace("style-src 'self' 'unsafe-inline'", "style-src 'self' 'unsafe-inline'"));
    expect(dev).toContain("object-src 'none'");
    expect(CSP).not.toContain("script-src 'self' 'unsafe-inline'");
  });
});
