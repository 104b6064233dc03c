import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { layerRules } from './eslint-layers.js';

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'dist-main', 'release', 'test-artifacts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  // Layers and the direction of their imports; SQL only in repositories.
  ...layerRules,
  {
    // One message catalogue (design.md §9): main speaks to people through codes from
    // src-shared/i18n/catalogue, rendered in the seller's language, never through Russian literals.
    // Data vocabulary (CSV header words) lives beside the catalogue; a Kaspi page's own words get
    // an eslint-disable comment saying so.
    files: ['src-main/**/*.ts', 'src-shared/**/*.ts'],
    ignores: [
      'src-shared/i18n/catalogue/**',
      'src-shared/csv/rules-columns.ts',
      // The default WhatsApp templates become the seller's own words once saved, and the buyers' stop words are theirs (#17).
      'src-shared/whatsapp/default-templates.ts',
      'src-shared/whatsapp/buyer-words.ts',
      // CSV export headers and state words, already in ru, kk and en side by side (#15): data
      // vocabulary like rules-columns.ts, picked by the export's language.
      'src-main/orders/orders-csv.ts',
      'src-main/analytics/analytics-csv.ts',
    ],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'Literal[value=/[А-Яа-яЁё]/]', message: 'Text for people comes from the message catalogue (src-shared/i18n/catalogue): return msg(code, params).' },
        { selector: 'TemplateElement[value.raw=/[А-Яа-яЁё]/]', message: 'Text for people comes from the message catalogue (src-shared/i18n/catalogue): return msg(code, params).' },
      ],
    },
  },
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
