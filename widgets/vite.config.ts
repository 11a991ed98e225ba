// The ES-module build: dist/ketnap.js (every element, Lit included), the persisted-operation
// manifest, and the demo and gallery pages copied from public/. Not Vite's library mode: that
// keeps the whitespace of ES output, about 2 KB gzip of the 12 KB budget.
import { defineConfig, type Plugin } from 'vite';
import { writeTypes } from './scripts/codegen.ts';
import { minifyLitTemplates } from './scripts/minify-templates.ts';
import { persistedManifest } from './scripts/operations.ts';

/** Regenerates the operations' types, then emits dist/persisted-operations.json. */
const persistedOperations = (): Plugin => ({
  name: 'ketnap-persisted-operations',
  buildStart: () => writeTypes(),
  generateBundle() {
    this.emitFile({ type: 'asset', fileName: 'persisted-operations.json', source: persistedManifest() });
  },
});

export default defineConfig({
  plugins: [persistedOperations(), minifyLitTemplates()],
  define: { KETNAP_CLASSIC: 'false' }, // see src/lib/english.ts
  publicDir: 'public',
  // Lit's production build whatever NODE_ENV says (vitest sets it to "test", which would pick
  // Lit's development build, 4 KB gzip heavier and noisy in the console).
  resolve: { conditions: ['module', 'browser', 'production'] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: false,
    // Terser with two passes: about 170 bytes gzip smaller than esbuild's minifier. Our private
    // members are named _x (src/lib): shortened too (Lit's own are _$x, left alone).
    minify: 'terser',
    terserOptions: {
      compress: { passes: 2 },
      mangle: { properties: { regex: /^_[a-z]/ } },
      format: { comments: false },
    },
    rollupOptions: {
      // English (src/lib/i18n-en.ts) is an entry of its own, fetched only by pages that ask for it.
      input: { ketnap: 'src/index.ts', 'ketnap-en': 'src/lib/i18n-en.ts' },
      preserveEntrySignatures: 'exports-only',
      output: { format: 'es', entryFileNames: '[name].js' },
    },
  },
});
