import { defineConfig } from 'vite';

/**
 * The Electron side: `vite build -c vite.main.config.ts` bundles main.ts (and the decode worker it
 * starts) as ESM (Node packages stay external, resolved from node_modules at run time), and `--mode preload` bundles the
 * preload as one self-contained CommonJS file — a sandboxed preload may require only 'electron'.
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
            // The decode worker (src-main/kaspi/decode-pool.ts) is a file of its own that main starts
            // as a worker thread; shared code goes to chunks beside both, so the worker finds it as main does.
            input: { main: 'src-main/shells/electron/main.ts', 'decode-worker': 'src-main/kaspi/decode-worker.ts' },
            output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
          },
        },
      },
);
