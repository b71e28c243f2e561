import type { Language } from './language';
import { zhCN } from './zh-CN';

/** Replacements for `{name}` placeholders, as diagram-js passes them. */
export type Replacements = Record<string, unknown>;

export type TranslateFunction = (template: string, replacements?: Replacements) => string;

/**
 * A diagram-js `translate` function for the language: looks the English template up in the dictionary (falling
 * back to the template itself) and fills in `{placeholders}`, the contract of diagram-js' default translate.
 */
export function createTranslate(language: Language, dictionary: Readonly<Record<string, string>> = zhCN): TranslateFunction {
  return (template, replacements = {}) => {
    const text = language === 'zh-CN' ? dictionary[template] ?? template : template;
    return text.replace(/{([^}]+)}/g, (placeholder: string, key: string) =>
      Object.prototype.hasOwnProperty.call(replacements, key) ? String(replacements[key]) : placeholder);
  };
}

/** A diagram-js module that replaces the default `translate` service of the modeler or viewer. */
export function translateModule(language: Language): { translate: ['value', TranslateFunction] } {
  return { translate: ['value', createTranslate(language)] };
}
