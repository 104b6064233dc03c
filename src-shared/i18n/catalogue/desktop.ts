import { defineMessages } from '../define-messages';

/** What the desktop app says outside its window: the tray icon's menu and tooltip, desktop notifications. */
export const desktopMessages = defineMessages({
  'tray.tooltip': { ru: 'Kaspi Demper', kk: 'Kaspi Demper', en: 'Kaspi Demper' },
  'tray.running': { ru: 'Kaspi Demper — демпер работает', kk: 'Kaspi Demper — демпер жұмыс істеп тұр', en: 'Kaspi Demper — the repricer is running' },
  'tray.stopped': { ru: 'Kaspi Demper — демпер остановлен', kk: 'Kaspi Demper — демпер тоқтатылды', en: 'Kaspi Demper — the repricer is stopped' },
  'tray.paused': {
    ru: 'Kaspi Demper — пауза: нет сети или компьютер спал',
    kk: 'Kaspi Demper — үзіліс: желі жоқ немесе компьютер ұйықтап тұрды',
    en: 'Kaspi Demper — paused: no network or the computer was asleep',
  },
  'tray.open': { ru: 'Открыть Kaspi Demper', kk: 'Kaspi Demper-ді ашу', en: 'Open Kaspi Demper' },
  'tray.start': { ru: 'Запустить демпер', kk: 'Демперді іске қосу', en: 'Start the repricer' },
  'tray.stop': { ru: 'Остановить демпер', kk: 'Демперді тоқтату', en: 'Stop the repricer' },
  'tray.restart_to_update': { ru: 'Перезапустить для обновления до {version}', kk: '{version} нұсқасына жаңарту үшін қайта іске қосу', en: 'Restart to update to {version}' },
  'tray.quit': { ru: 'Выход', kk: 'Шығу', en: 'Quit' },
  'notify.update_ready_title': { ru: 'Обновление загружено', kk: 'Жаңарту жүктелді', en: 'Update downloaded' },
  'notify.update_ready_body': {
    ru: 'Версия {version} установится при перезапуске. Нажмите «Перезапустить» в окне или в меню значка.',
    kk: '{version} нұсқасы қайта іске қосқанда орнатылады. Терезеде «Қайта іске қосып, жаңарту» немесе белгіше мәзірінде қайта іске қосуды басыңыз.',
    en: 'Version {version} installs on restart. Click “Restart and update” in the window, or restart from the tray menu.',
  },
  'ipc.untrusted_sender': { ru: 'Вызов из недоверенного окна отклонён', kk: 'Сенімсіз терезеден келген сұрау қабылданбады', en: 'A call from an untrusted window was refused' },
  'dialog.browser_title': {
    ru: 'Браузер для входа в Kaspi (Chrome, Edge или Chromium)',
    kk: 'Kaspi-ге кіруге арналған браузер (Chrome, Edge немесе Chromium)',
    en: 'Browser for the Kaspi login (Chrome, Edge or Chromium)',
  },
  'dialog.programs': { ru: 'Программы', kk: 'Бағдарламалар', en: 'Programs' },
  'dialog.backup_title': { ru: 'Резервная копия Kaspi Demper', kk: 'Kaspi Demper сақтық көшірмесі', en: 'Kaspi Demper backup' },
  'dialog.backup_filter': { ru: 'Копия базы Kaspi Demper', kk: 'Kaspi Demper дерекқорының көшірмесі', en: 'Kaspi Demper database copy' },
  'startup.failed_title': { ru: 'Kaspi Demper не запустился', kk: 'Kaspi Demper іске қосылмады', en: 'Kaspi Demper did not start' },
  'notify.slept_title': { ru: 'Демпер снова работает', kk: 'Демпер қайта жұмыс істеп тұр', en: 'The repricer is working again' },
});
