import i18next, { type TFunction } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { useTranslation } from 'react-i18next';
import type { Language } from '#shared/format/locale';
import { en } from './en';
import { vi } from './vi';

export const languages: readonly Language[] = ['vi', 'en'];

const storageKey = 'thoa-uoc.language';

function storedLanguage(): Language {
  const stored = localStorage.getItem(storageKey);
  return stored === 'en' ? 'en' : 'vi';
}

/** Vietnamese by default; the choice is remembered on this device. */
export async function initI18n(): Promise<void> {
  await i18next.use(initReactI18next).init({
    resources: { vi: { translation: vi }, en: { translation: en } },
    lng: storedLanguage(),
    fallbackLng: 'vi',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = i18next.language;
}

export function setLanguage(language: Language): void {
  localStorage.setItem(storageKey, language);
  void i18next.changeLanguage(language);
  document.documentElement.lang = language;
}

function asLanguage(language: string): Language {
  return language === 'en' ? 'en' : 'vi';
}

/** The interface language, for formatting numbers and dates. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return asLanguage(i18n.language);
}

/**
 * The interface's words and language at this moment, for what is made on demand (a tooltip as the
 * pointer reaches it) rather than rendered: reading them does not re-render with the language.
 */
export function interfaceWords(): { t: TFunction; language: Language } {
  return { t: i18next.t, language: asLanguage(i18next.language) };
}
