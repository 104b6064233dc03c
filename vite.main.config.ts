import { defineConfig } from 'vite';

/**
 * The Electron side: `vite build -c vite.main.config.ts` bundles main.ts as ESM (Node packages
 * stay external, resolved from node_modules at run time), with the worker threads main starts as
 * entries of their own beside it (decode-worker.js for storefront answers, backtest-worker.js for
 * replays; each is started from main's folder, and shared chunks stay in that folder too), and
 * `--mode preload` bundles the preload as one self-contained CommonJS file — a sandboxed preload
 * may require only 'electron'.
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
            // Worker threads are files of their own that main starts (kaspi/decode-pool.ts,
            // backtest/run-in-worker.ts); shared code goes to chunks beside them all.
            input: {
              main: 'src-main/shells/electron/main.ts',
              'decode-worker': 'src-main/kaspi/decode-worker.ts',
              'backtest-worker': 'src-main/backtest/backtest-worker.ts',
            },
            output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
          },
        },
      },
);
