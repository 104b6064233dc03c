/**
 * Which generated tray image (build/generated/tray, from `npm run icons`) suits the system's menu:
 * macOS tints a template image itself; Windows shows the colour icon on any taskbar; Linux panels
 * get the glyph that stands out on their theme. The @2x file is picked by Electron on HiDPI.
 */
export function trayImageName(platform: NodeJS.Platform, darkMenus: boolean): string {
  if (platform === 'darwin') return 'trayTemplate.png';
  if (platform === 'win32') return 'tray-color.png';
  return darkMenus ? 'tray-light.png' : 'tray-dark.png';
}
