import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { currentLanguage, rememberLanguage } from '../src/i18n/language';
import { createTranslate, translateModule } from '../src/i18n/translate';
import { zhCN } from '../src/i18n/zh-CN';

const require = createRequire(import.meta.url);

/** Every template a source file passes to translate('…'), as the palette and context pad do. */
function templatesIn(packageName: string, file: string): string[] {
  const root = dirname(require.resolve(`${packageName}/package.json`));
  const source = readFileSync(join(root, file), 'utf8');
  return [...source.matchAll(/translate\(\s*'([^']+)'/g)].map(match => match[1]!);
}

describe('translate', () => {
  it('gives the Chinese text of a palette entry in zh-CN', () => {
    expect(createTranslate('zh-CN')('Create start event')).toBe('创建开始事件');
  });

  it('leaves English templates as they are in English', () => {
    expect(createTranslate('en')('Create start event')).toBe('Create start event');
  });

  it('fills placeholders in both languages', () => {
    expect(createTranslate('zh-CN')('Deployed {key} version {version}.', { key: 'approval', version: 3 })).toBe('已部署 approval 版本 3。');
    expect(createTranslate('en')('Deployed {key} version {version}.', { key: 'approval', version: 3 })).toBe('Deployed approval version 3.');
  });

  it('falls back to the English template when the dictionary has no entry, still filling placeholders', () => {
    expect(createTranslate('zh-CN')('Unheard of {thing}', { thing: 'x' })).toBe('Unheard of x');
  });

  it('keeps a placeholder it has no value for', () => {
    expect(createTranslate('zh-CN')('line {line}')).toBe('第 {line} 行');
  });

  it('is a diagram-js module that replaces the translate service', () => {
    const module = translateModule('zh-CN');
    expect(module.translate[0]).toBe('value');
    expect(module.translate[1]('Delete')).toBe('删除');
  });

  it.each([
    ['bpmn-js', 'lib/features/palette/PaletteProvider.js'],
    ['bpmn-js', 'lib/features/context-pad/ContextPadProvider.js'],
  ])('has Chinese for every template of %s %s', (packageName, file) => {
    const templates = templatesIn(packageName, file);
    expect(templates.length).toBeGreaterThan(10);
    expect(templates.filter(template => !(template in zhCN))).toEqual([]);
  });

  it('translates the Camunda 7 fields of a user task in the properties panel', () => {
    const translate = createTranslate('zh-CN');
    expect(['User assignment', 'Assignee', 'Candidate groups', 'Due date', 'Follow up date', 'Priority'].map(label => translate(label)))
      .toEqual(['用户分配', '办理人', '候选组', '到期日期', '跟进日期', '优先级']);
  });
});

describe('language', () => {
  function memoryStorage(): Storage {
    const values = new Map<string, string>();
    return {
      getItem: key => values.get(key) ?? null,
      setItem: (key, value) => void values.set(key, value),
      removeItem: key => void values.delete(key),
      clear: () => values.clear(),
      key: index => [...values.keys()][index] ?? null,
      get length() { return values.size; },
    };
  }

  it('is Chinese by default', () => {
    expect(currentLanguage(memoryStorage())).toBe('zh-CN');
  });

  it('remembers English once chosen, and Chinese again after', () => {
    const storage = memoryStorage();
    rememberLanguage('en', storage);
    expect(currentLanguage(storage)).toBe('en');
    rememberLanguage('zh-CN', storage);
    expect(currentLanguage(storage)).toBe('zh-CN');
  });

  it('treats an unknown stored value as Chinese', () => {
    const storage = memoryStorage();
    storage.setItem('brands.designer.language', 'fr');
    expect(currentLanguage(storage)).toBe('zh-CN');
  });
});
