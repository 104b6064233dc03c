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

/** SQL's leading keywords: a string passed to `.exec(` that starts with one is SQL (a RegExp's `.exec` takes no such text). */
const SQL_START = /^\s*(?:--[^\n]*\n\s*)*(?:select|insert|update|delete|replace|create|drop|alter|pragma|begin|commit|rollback|end|savepoint|release|with|vacuum|attach|detach|analyze|reindex)\b/i;

/** The text a string or template literal starts with (a template up to its first `${…}`), or null for anything else. */
function leadingText(node) {
  if (node?.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node?.type === 'TemplateLiteral') return node.quasis[0]?.value.cooked ?? '';
  return null;
}

/**
 * `db.exec('…SQL…')` outside the repositories. no-restricted-properties cannot see it: `.exec` is
 * also every RegExp's, so the rule looks at what is executed (SQL text) or on what (a database).
 */
const noSqlExec = {
  meta: { type: 'problem', schema: [], messages: { sql: 'SQL lives in a repository (src-main/db): call one.' } },
  create(context) {
    return {
      CallExpression(node) {
        const callee = node.callee;
        if (callee.type !== 'MemberExpression' || callee.computed || callee.property.name !== 'exec') return;
        const text = leadingText(node.arguments[0]);
        const target = callee.object.type === 'Identifier' ? callee.object.name : callee.object.type === 'MemberExpression' && !callee.object.computed ? callee.object.property.name : '';
        if ((text !== null && SQL_START.test(text)) || /^(db|database|sqlite|connection)$/i.test(target)) context.report({ node, messageId: 'sql' });
      },
    };
  },
};

/** This repository's own lint rules (eslint.config.js registers the plugin as `layers`). */
export const layersPlugin = { rules: { 'no-sql-exec': noSqlExec } };

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
    ignores: ['src-main/db/**'],
    plugins: { layers: layersPlugin },
    rules: {
      'layers/no-sql-exec': 'error',
      'no-restricted-properties': [
        'error',
        { property: 'prepare', message: 'SQL lives in a repository (src-main/db/repos): call one.' },
        { property: 'pragma', message: 'SQL lives in a repository (src-main/db): call one.' },
        { property: 'transaction', message: 'Transactions live in a repository (src-main/db/repos): give it the whole change.' },
      ],
    },
  },
];
