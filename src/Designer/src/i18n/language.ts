/** The designer's two languages: Chinese by default, English on request (README "The designer"). */
export type Language = 'zh-CN' | 'en';

const storageKey = 'brands.designer.language';

/** The language chosen last on this browser, or zh-CN. */
export function currentLanguage(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): Language {
  return storage?.getItem(storageKey) === 'en' ? 'en' : 'zh-CN';
}

/** Remembers the choice for the next visit. */
export function rememberLanguage(language: Language, storage: Pick<Storage, 'setItem'> = globalThis.localStorage): void {
  storage.setItem(storageKey, language);
}
