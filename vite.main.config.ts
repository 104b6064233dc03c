import { defineConfig } from 'vite';

/**
 * The Electron side: `vite build -c vite.main.config.ts` bundles main.ts as ESM (Node packages
 * stay external, resolved from node_modules at run time), and `--mode preload` bundles the
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
          ssr: 'src-main/shells/electron/main.ts',
          outDir: 'dist-main',
          emptyOutDir: true,
          target: 'node22',
          rollupOptions: { output: { format: 'es', entryFileNames: 'main.js' } },
        },
      },
);
