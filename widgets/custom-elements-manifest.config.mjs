// `cem analyze` reads this: the elements' doc comments become dist/custom-elements.json.
export default {
  globs: ['src/components/**/*.ts'],
  exclude: ['src/**/*.styles.ts', 'src/**/*.test.ts'],
  outdir: 'dist',
  litelement: true,
};
