// The classic-script build for CMSs that cannot load modules: dist/ketnap.classic.js, an IIFE
// that finds its own origin through document.currentScript (see src/lib/api.ts).
import { defineConfig } from 'vite';
import { minifyLitTemplates } from './scripts/minify-templates.ts';

export default defineConfig({
  plugins: [minifyLitTemplates()],
  define: { KETNAP_CLASSIC: 'true' }, // a classic script carries its English: see src/lib/english.ts
  publicDir: false,
  // Lit's production build whatever NODE_ENV says (vitest sets it to "test", which would pick
  // Lit's development build, 4 KB gzip heavier and noisy in the console).
  resolve: { conditions: ['module', 'browser', 'production'] },
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    // Terser with two passes: about 170 bytes gzip smaller than esbuild's minifier. Our private
    // members are named _x (src/lib): shortened too (Lit's own are _$x, left alone).
    minify: 'terser',
    terserOptions: {
      compress: { passes: 2 },
      mangle: { properties: { regex: /^_[a-z]/ } },
      format: { comments: false },
    },
    target: 'es2022',
    lib: { entry: 'src/index.ts', formats: ['iife'], name: 'Ketnap', fileName: () => 'ketnap.classic.js' },
  },
});
