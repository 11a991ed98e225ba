// The admin pages' script: dist/admin/import.js (<ketnap-import-page>, Lit included), served by the
// server at /admin/import.js beside the page public/admin/import/index.html. Not part of the embed
// bundle: newsrooms' readers never load it.
import { defineConfig } from 'vite';

export default defineConfig({
  publicDir: false,
  resolve: { conditions: ['module', 'browser', 'production'] },
  build: {
    outDir: 'dist/admin',
    emptyOutDir: false,
    target: 'es2022',
    modulePreload: false,
    rollupOptions: {
      input: { import: 'src/admin/import-page.ts' },
      preserveEntrySignatures: 'exports-only',
      output: { format: 'es', entryFileNames: '[name].js' },
    },
  },
});
