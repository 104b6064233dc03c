/**
 * The layers and the direction of their imports (README, Development): shells → app → services →
 * repositories → src-shared, and the renderer beside main, reaching it only through the typed
 * bridge. Each block lists everything its files may not import (in a flat config the last block
 * that matches a file sets a rule's whole option list, so the blocks do not add up).
 */
import { builtinModules } from 'node:module';

/** Node's built-in modules, bare ('fs', 'fs/promises') and with the node: prefix. */
const nodeBuiltins = { paths: builtinModules.map((name) => ({ name, message: 'A Node built-in: this layer does not run in Node.' })), node: { group: ['node:*'], message: 'A Node built-in: this layer does not run in Node.' } };

const noElectron = { name: 'electron', message: 'Only the desktop shell (src-main/shells/electron) imports electron.' };
const noMain = { group: ['**/src-main', '**/src-main/**'], message: 'The renderer and src-shared never import main: they reach it through the contract (src-shared/contract).' };
const noRenderer = { group: ['**/src-renderer', '**/src-renderer/**'], message: 'Only the renderer imports the renderer.' };
const noShells = { group: ['**/shells/**'], message: 'Shells are the outermost layer: nothing in main imports them.' };
const noRoot = { group: ['**/app/create-app'], message: 'The composition root is imported by shells only; handlers take the types from app/services.' };
const noApi = { group: ['**/api', '**/api/**'], message: 'API handlers sit above services and repositories: import the service, not the handler.' };
const noAbove = {
  group: ['**/app/**', '**/demper-wiring/**', '**/*-service', '**/*-handlers'],
  message: 'Repositories (src-main/db) sit below services, app and handlers: take what you need as a parameter or a port type.',
};

const restrict = (paths, patterns) => ({ 'no-restricted-imports': ['error', { paths, patterns }] });

export const layerRules = [
  {
    // src-shared is pure: it runs in main, in the renderer and in tests alike.
    files: ['src-shared/**/*.ts'],
    rules: restrict(
      [...nodeBuiltins.paths, noElectron, { name: 'react', message: 'src-shared has no UI.' }, { name: 'react-dom', message: 'src-shared has no UI.' }, { name: 'better-sqlite3', message: 'SQL lives in src-main/db.' }],
      [nodeBuiltins.node, noMain, noRenderer],
    ),
  },
  {
    // The renderer is a web page: no Node, no Electron, no main.
    files: ['src-renderer/**/*.{ts,tsx}'],
    rules: restrict([...nodeBuiltins.paths, noElectron, { name: 'better-sqlite3', message: 'SQL lives in src-main/db.' }], [nodeBuiltins.node, noMain]),
  },
  {
    // The composition root builds services and handlers; only shells sit above it.
    files: ['src-main/app/**/*.ts'],
    rules: restrict([noElectron], [noRenderer, noShells]),
  },
  {
    files: ['src-main/api/**/*.ts'],
    rules: restrict([noElectron], [noRenderer, noShells, noRoot]),
  },
  {
    // Services: below the app and its handlers.
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/shells/**', 'src-main/app/**', 'src-main/api/**', 'src-main/db/**'],
    rules: restrict([noElectron], [noRenderer, noShells, noRoot, noApi]),
  },
  {
    // Repositories: below everything in main but src-shared (port types of the layer they serve are fine).
    files: ['src-main/db/**/*.ts'],
    rules: restrict([noElectron], [noRenderer, noShells, noApi, noAbove]),
  },
  {
    files: ['src-main/shells/headless/**/*.ts'],
    rules: restrict([noElectron], [noRenderer]),
  },
  {
    files: ['src-main/shells/electron/**/*.ts'],
    rules: restrict([], [noRenderer]),
  },
  {
    // SQL lives in repositories (src-main/db): services call them.
    files: ['src-main/**/*.ts'],
    ignores: [
      'src-main/db/**',
      // The products table's query: issue #14's "table data at scale" replaces it with a windowed
      // table in products-repo; remove this line when that lands.
      'src-main/rules/rules-service.ts',
    ],
    rules: {
      'no-restricted-properties': [
        'error',
        { property: 'prepare', message: 'SQL lives in a repository (src-main/db/repos): call one.' },
        { property: 'pragma', message: 'SQL lives in a repository (src-main/db): call one.' },
        { property: 'transaction', message: 'Transactions live in a repository (src-main/db/repos): give it the whole change.' },
      ],
    },
  },
];
