// Where an element finds its English words. The ES module fetches them from ketnap-en.js beside
// itself (built as an entry of its own), only when a page asks for English: Vietnamese readers
// never download them. The classic script cannot import a module, so it carries them.

import type { Messages } from './i18n.ts';
import { en } from './i18n-en.ts';

/** Set by each build (vite.config.ts, vite.classic.config.ts): the branch not taken is dropped. */
declare const KETNAP_CLASSIC: boolean;

export const loadEnglish = (): Promise<Messages> =>
  KETNAP_CLASSIC
    ? Promise.resolve(en)
    : import(/* @vite-ignore */ new URL('./ketnap-en.js', import.meta.url).href).then((m: { en: Messages }) => m.en);
