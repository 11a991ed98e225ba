// The ES-module build: dist/ketnap.js (every element, Lit included), the persisted-operation
// manifest, and the demo and gallery pages copied from public/. Not Vite's library mode: that
// keeps the whitespace of ES output, about 2 KB gzip of the 12 KB budget.
import { defineConfig } from 'vite';
import { minifyLitTemplates } from './scripts/minify-templates.ts';
import { persistedOperations } from './scripts/operations.ts';

export default defineConfig({
  plugins: [persistedOperations(), minifyLitTemplates()],
  publicDir: 'public',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: false,
    rollupOptions: {
      input: 'src/index.ts',
      preserveEntrySignatures: 'exports-only',
      output: { format: 'es', entryFileNames: 'ketnap.js' },
    },
  },
});
