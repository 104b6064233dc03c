import { defineMessages } from '../define-messages';

/** The database file, backups and restores (src-main/db, src-main/maintenance), and the logs page. */
export const maintenanceMessages = defineMessages({
  'db.cannot_open': {
    ru: 'Не удалось открыть базу данных {path}: {detail}',
    kk: '{path} дерекқорын ашу мүмкін болмады: {detail}',
    en: 'Could not open the database {path}: {detail}',
  },
  'db.file_missing': { ru: 'Файл не найден: {path}', kk: 'Файл табылмады: {path}', en: 'File not found: {path}' },
  'db.copy_newer': {
    ru: 'Копия {path} создана более новой версией приложения (схема {version}). Обновите приложение.',
    kk: '{path} көшірмесі қолданбаның жаңарақ нұсқасында жасалған (схема {version}). Қолданбаны жаңартыңыз.',
    en: 'The copy {path} was made by a newer version of the app (schema {version}). Update the app.',
  },
  'db.not_our_copy': {
    ru: '{path} — база SQLite, но не резервная копия Kaspi Demper.',
    kk: '{path} — SQLite дерекқоры, бірақ Kaspi Demper-дің сақтық көшірмесі емес.',
    en: '{path} is an SQLite database but not a Kaspi Demper backup.',
  },
  'db.no_access': {
    ru: 'Нет доступа к файлу базы данных {path}: {detail}',
    kk: '{path} дерекқор файлына рұқсат жоқ: {detail}',
    en: 'No access to the database file {path}: {detail}',
  },
  'db.not_our_file': {
    ru: 'Файл {path} не является базой данных Kaspi Demper (повреждён или подменён). Он не изменён. Восстановите базу из резервной копии или переместите этот файл, чтобы начать с новой базы.',
    kk: '{path} файлы Kaspi Demper дерекқоры емес (бүлінген немесе ауыстырылған). Ол өзгертілмеді. Дерекқорды сақтық көшірмеден қалпына келтіріңіз немесе жаңа дерекқордан бастау үшін бұл файлды басқа жерге жылжытыңыз.',
    en: 'The file {path} is not a Kaspi Demper database (damaged or replaced). It was not changed. Restore the database from a backup, or move this file away to start with a new database.',
  },
  'db.corrupt': {
    ru: 'База данных {path} повреждена ({detail}). Файл не изменён. Восстановите её из резервной копии (Настройки → Резервная копия) или переместите файл.',
    kk: '{path} дерекқоры бүлінген ({detail}). Файл өзгертілмеді. Оны сақтық көшірмеден қалпына келтіріңіз (Баптаулар → Сақтық көшірме) немесе файлды басқа жерге жылжытыңыз.',
    en: 'The database {path} is damaged ({detail}). The file was not changed. Restore it from a backup (Settings → Backup) or move the file away.',
  },
  'db.newer_schema': {
    ru: 'База данных создана более новой версией приложения (схема {current}, эта версия знает до {latest}). Обновите приложение.',
    kk: 'Дерекқор қолданбаның жаңарақ нұсқасында жасалған (схема {current}, бұл нұсқа {latest} схемаға дейін біледі). Қолданбаны жаңартыңыз.',
    en: 'The database was made by a newer version of the app (schema {current}; this version knows up to {latest}). Update the app.',
  },
  'backup.refused': {
    ru: 'Копия {path} не будет восстановлена: {problems}{more, plural, =0 {} one { (и ещё # проблема)} few { (и ещё # проблемы)} many { (и ещё # проблем)} other { (и ещё # проблемы)}}.',
    kk: '{path} көшірмесі қалпына келтірілмейді: {problems}{more, plural, =0 {} other { (және тағы # мәселе)}}.',
    en: 'The copy {path} will not be restored: {problems}{more, plural, =0 {} one { (and # more problem)} other { (and # more problems)}}.',
  },
  'backup.unreadable': {
    ru: 'Копия {path} не читается: {detail}',
    kk: '{path} көшірмесі оқылмайды: {detail}',
    en: 'The copy {path} cannot be read: {detail}',
  },
  'backup.damaged': { ru: 'файл повреждён ({detail})', kk: 'файл бүлінген ({detail})', en: 'the file is damaged ({detail})' },
  'backup.dangling_rows': {
    ru: 'в файле есть строки, ссылающиеся на несуществующие записи',
    kk: 'файлда жоқ жазбаларға сілтейтін жолдар бар',
    en: 'the file has rows that point at records that do not exist',
  },
  'backup.not_ours': { ru: 'это не резервная копия Kaspi Demper', kk: 'бұл Kaspi Demper-дің сақтық көшірмесі емес', en: 'this is not a Kaspi Demper backup' },
  'backup.foreign_schema': {
    ru: 'она устроена не так, как базы Kaspi Demper (схема {version})',
    kk: 'ол Kaspi Demper дерекқорлары сияқты құрылмаған (схема {version})',
    en: 'it is not built like Kaspi Demper databases (schema {version})',
  },
  'backup.object_missing': {
    ru: '{kind, select, table {нет таблицы} index {нет индекса} trigger {нет триггера} view {нет представления} other {нет объекта}} «{name}»',
    kk: '«{name}» {kind, select, table {кестесі} index {индексі} trigger {триггері} view {көрінісі} other {нысаны}} жоқ',
    en: '{kind, select, table {table} index {index} trigger {trigger} view {view} other {object}} “{name}” is missing',
  },
  'backup.object_extra': {
    ru: '{kind, select, table {лишняя таблица} index {лишний индекс} trigger {лишний триггер} view {лишнее представление} other {лишний объект}} «{name}» — приложение такого не создаёт',
    kk: 'артық {kind, select, table {кесте} index {индекс} trigger {триггер} view {көрініс} other {нысан}} «{name}» — қолданба мұндайды жасамайды',
    en: 'an extra {kind, select, table {table} index {index} trigger {trigger} view {view} other {object}} “{name}” — the app does not create one',
  },
  'backup.object_differs': {
    ru: '{kind, select, table {таблица «{name}» устроена иначе, чем её создаёт приложение} index {индекс «{name}» устроен иначе, чем его создаёт приложение} trigger {триггер «{name}» устроен иначе, чем его создаёт приложение} view {представление «{name}» устроено иначе, чем его создаёт приложение} other {объект «{name}» устроен иначе, чем его создаёт приложение}}',
    kk: '«{name}» {kind, select, table {кестесі} index {индексі} trigger {триггері} view {көрінісі} other {нысаны}} қолданба жасағаннан басқаша құрылған',
    en: '{kind, select, table {table} index {index} trigger {trigger} view {view} other {object}} “{name}” is built differently from the one the app creates',
  },
  'backup.not_json': { ru: '{where}: не JSON', kk: '{where}: JSON емес', en: '{where}: not JSON' },
  'backup.bad_data': { ru: '{where}: {issues}', kk: '{where}: {issues}', en: '{where}: {issues}' },
  'backup.where.app_settings': { ru: 'настройки приложения', kk: 'қолданба баптаулары', en: 'the app settings' },
  'backup.where.setting': { ru: 'настройки «{key}»', kk: '«{key}» баптаулары', en: 'setting “{key}”' },
  'backup.where.store_rules': { ru: 'правила магазина «{name}»', kk: '«{name}» дүкенінің ережелері', en: 'the rules of store “{name}”' },
  'backup.where.product_rules': { ru: 'правила товара {sku}', kk: '{sku} тауарының ережелері', en: 'the rules of product {sku}' },
  'backup.not_in_folder': {
    ru: 'Копия «{name}» не найдена в папке копий {folder}',
    kk: '«{name}» көшірмесі {folder} көшірмелер қалтасынан табылмады',
    en: 'The copy “{name}” is not in the backups folder {folder}',
  },
  'backup.outside_folder': {
    ru: 'Копия «{name}» лежит не в папке копий',
    kk: '«{name}» көшірмесі көшірмелер қалтасында емес',
    en: 'The copy “{name}” is not inside the backups folder',
  },
  'backup.no_file_picked': { ru: 'Файл не выбран', kk: 'Файл таңдалмады', en: 'No file was chosen' },
  'backup.no_dialog': {
    ru: 'Без экрана файл копии выбирается так: положите его в папку копий ({folder}) — он появится в списке.',
    kk: 'Экрансыз режимде көшірме файлы былай таңдалады: оны көшірмелер қалтасына ({folder}) салыңыз — ол тізімде пайда болады.',
    en: 'Without a screen, a backup file is chosen like this: put it in the backups folder ({folder}) and it appears in the list.',
  },
  'logs.screenshot_not_found': { ru: 'Снимок не найден', kk: 'Скриншот табылмады', en: 'Screenshot not found' },
});
