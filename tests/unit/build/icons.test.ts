import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { APP_SIZES, TRAY_VARIANTS, buildIcons, variantSvg } from '../../../scripts/build-icons';
import { trayImageName } from '../../../src-main/shells/electron/tray-image';
import { useTempDir } from '../../support/temp-dir';

const tempDir = useTempDir();
const SOURCE = 'build/icon.svg';

const pngSize = (file: Buffer) => ({ width: file.readUInt32BE(16), height: file.readUInt32BE(20) });

/** Alpha of the pixel at (x, y) of the source drawn at `size`. */
function alphaAt(svg: string, size: number, x: number, y: number): number {
  const image = new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render();
  return image.pixels[(y * image.width + x) * 4 + 3]!;
}

describe('icons from the one source image (npm run icons)', () => {
  it('renders every app size, an ICO with 16–256 px and an ICNS up to 1024 px', () => {
    const out = tempDir();
    const written = buildIcons(SOURCE, out);
    for (const size of APP_SIZES) expect(pngSize(readFileSync(join(out, 'icons', `${size}x${size}.png`)))).toEqual({ width: size, height: size });
    expect(pngSize(readFileSync(join(out, 'icon.png')))).toEqual({ width: 1024, height: 1024 });

    const ico = readFileSync(join(out, 'icon.ico'));
    expect(ico.readUInt16LE(2)).toBe(1); // type: icon
    const widths = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico[6 + i * 16] || 256);
    expect(widths).toEqual(expect.arrayContaining([16, 24, 32, 48, 64, 128, 256]));

    const icns = readFileSync(join(out, 'icon.icns'));
    expect(icns.subarray(0, 4).toString()).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const types: string[] = [];
    for (let at = 8; at < icns.length; at += icns.readUInt32BE(at + 4)) types.push(icns.subarray(at, at + 4).toString());
    expect(types).toEqual(expect.arrayContaining(['ic07', 'ic08', 'ic09', 'ic10']));

    // Tray: each variant at 16 px and 32 px (@2x), and macOS's template image by its required name.
    for (const name of Object.keys(TRAY_VARIANTS)) {
      expect(pngSize(readFileSync(join(out, 'tray', `${name}.png`)))).toEqual({ width: 16, height: 16 });
      expect(pngSize(readFileSync(join(out, 'tray', `${name}@2x.png`)))).toEqual({ width: 32, height: 32 });
    }
    expect(written).toHaveLength(APP_SIZES.length + 3 + Object.keys(TRAY_VARIANTS).length * 2);
  });

  it('tray glyphs drop the background (a transparent corner) and take the colour their menu needs', () => {
    const source = readFileSync(SOURCE, 'utf8');
    expect(alphaAt(variantSvg(source, TRAY_VARIANTS['tray-color']), 64, 32, 4)).toBe(255);
    expect(alphaAt(variantSvg(source, TRAY_VARIANTS['tray-dark']), 64, 32, 4)).toBe(0);
    expect(variantSvg(source, TRAY_VARIANTS['tray-light'])).toContain('fill="#FFFFFF"');
    expect(variantSvg(source, TRAY_VARIANTS['tray-dark'])).toContain('fill="#1F2328"');
    expect(variantSvg(source, TRAY_VARIANTS.trayTemplate)).not.toContain('<rect id="background"');
  });

  it('the tray picks the template on macOS, colour on Windows, and the glyph that stands out on Linux', () => {
    expect(trayImageName('darwin', true)).toBe('trayTemplate.png');
    expect(trayImageName('darwin', false)).toBe('trayTemplate.png');
    expect(trayImageName('win32', true)).toBe('tray-color.png');
    expect(trayImageName('linux', true)).toBe('tray-light.png');
    expect(trayImageName('linux', false)).toBe('tray-dark.png');
  });
});
