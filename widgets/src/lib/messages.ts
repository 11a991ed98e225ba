// Both languages' words at once, for the server's no-JavaScript forms and the tests (the bundle
// loads English on demand instead: element.ts).

import { type Lang, type Messages, vi } from './i18n.ts';
import { en } from './i18n-en.ts';

export const messages = (lang: Lang): Messages => (lang === 'en' ? en : vi);
