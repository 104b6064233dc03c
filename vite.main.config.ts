import { defineConfig } from 'vite';

/**
 * The Electron side: `vite build -c vite.main.config.ts` bundles main.ts as ESM (Node packages
 * stay external, resolved from node_modules at run time), with the backtest's worker thread as a
 * second entry beside it (backtest-worker.js, which run-in-worker.ts starts from its own folder:
 * shared chunks stay in that folder too, wherever the starter lands), and `--mode preload` bundles the preload as one self-contained CommonJS
 * file — a sandboxed preload may require only 'electron'.
 */
export default defineConfig(({ mode }) =>
  mode === 'preload'
    ? {
        build: {
          ssr: 'src-main/shells/electron/preload.ts',
          outDir: 'dist-main',
          emptyOutDir: false,
          target: 'node22',
          rollupOptions: { external: ['electron'], output: { format: 'cjs', entryFileNames: 'preload.cjs' } },
        },
        ssr: { noExternal: true },
      }
    : {
        build: {
          ssr: true,
          outDir: 'dist-main',
          emptyOutDir: true,
          target: 'node22',
          rollupOptions: {
            input: { main: 'src-main/shells/electron/main.ts', 'backtest-worker': 'src-main/backtest/backtest-worker.ts' },
            output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
          },
        },
      },
);
