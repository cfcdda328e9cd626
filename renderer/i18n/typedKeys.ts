import type { en } from './en';

/**
 * Keys typed from the English strings: a missing or misspelt key, or a dynamic key whose parts
 * are not all keys, fails the type check (and vi.ts must have the same keys, see Localised).
 */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
    returnNull: false;
  }
}
