/**
 * `npm run icons`: every icon the installers and the tray need, from the one source image
 * build/icon.svg, rendered with resvg and packed with png2icons (ICO, ICNS). Output goes to
 * build/generated/ (not committed): electron-builder.yml points at it, and the tray loads its
 * images from build/generated/tray inside the app.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import png2icons from 'png2icons';

/** Linux wants a set of PNGs by size; 1024 also feeds the ICNS and ICO packers. */
export const APP_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const;
/** Tray: 16 px at 1x and 32 px at 2x (…@2x.png is picked by Electron on HiDPI screens). */
export const TRAY_SIZES = { '': 16, '@2x': 32 } as const;

/**
 * Tray variants, all from the same drawing: the colour icon (Windows), a dark glyph for light
 * menus and panels, a light glyph for dark ones, and macOS's template image (black + alpha, the
 * system tints it for light and dark menu bars).
 */
export const TRAY_VARIANTS = {
  'tray-color': { background: true, glyph: '#FFFFFF' },
  'tray-dark': { background: false, glyph: '#1F2328' },
  'tray-light': { background: false, glyph: '#FFFFFF' },
  trayTemplate: { background: false, glyph: '#000000' },
} as const;

export function variantSvg(source: string, variant: { background: boolean; glyph: string }): string {
  let svg = source.replace(/(<path id="glyph" fill=")[^"]*"/, `$1${variant.glyph}"`);
  if (!variant.background) svg = svg.replace(/<rect id="background"[^>]*\/>/, '');
  return svg;
}

export function renderPng(svg: string, size: number): Buffer {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size }, background: 'rgba(0,0,0,0)' }).render().asPng();
}

export function buildIcons(sourcePath: string, outDir: string): string[] {
  const source = readFileSync(sourcePath, 'utf8');
  const written: string[] = [];
  const write = (path: string, data: Buffer) => {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, data);
    written.push(path);
  };
  for (const size of APP_SIZES) write(join(outDir, 'icons', `${size}x${size}.png`), renderPng(source, size));
  const master = renderPng(source, 1024);
  write(join(outDir, 'icon.png'), master);
  const ico = png2icons.createICO(master, png2icons.BICUBIC2, 0, true, true);
  const icns = png2icons.createICNS(master, png2icons.BICUBIC2, 0);
  if (!ico || !icns) throw new Error('png2icons could not pack the icon');
  write(join(outDir, 'icon.ico'), ico);
  write(join(outDir, 'icon.icns'), icns);
  for (const [name, variant] of Object.entries(TRAY_VARIANTS)) {
    const svg = variantSvg(source, variant);
    for (const [suffix, size] of Object.entries(TRAY_SIZES)) write(join(outDir, 'tray', `${name}${suffix}.png`), renderPng(svg, size));
  }
  return written;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const written = buildIcons(join(root, 'build', 'icon.svg'), join(root, 'build', 'generated'));
  console.log(`[icons] ${written.length} files in build/generated`);
}
