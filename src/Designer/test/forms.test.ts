import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formIdPattern, newFormSchema } from '../src/forms/form-schema';
import { createTranslate } from '../src/i18n/translate';
import { zhCN } from '../src/i18n/zh-CN';

describe('newFormSchema', () => {
  it('makes an empty form-js schema whose id is the form id', () => {
    expect(newFormSchema('licence-form')).toEqual({ id: 'licence-form', type: 'default', components: [] });
  });

  it.each(['', '1st', 'a/b', 'with space', 'x'.repeat(101)])('refuses the id %j as the host would', id => {
    expect(() => newFormSchema(id)).toThrow(RangeError);
  });

  it.each(['Form_1', '_draft', 'review.v2', 'a'.repeat(100)])('accepts the id %j', id => {
    expect(formIdPattern.test(id)).toBe(true);
  });
});

describe('the form editor screen in Chinese', () => {
  const source = readFileSync(join(import.meta.dirname, '../src/forms/main.ts'), 'utf8');
  const templates = [...source.matchAll(/translate\(\s*'([^']+)'/g)].map(match => match[1]!);

  it('finds the screen\'s texts', () => {
    expect(templates.length).toBeGreaterThan(10);
  });

  it.each(templates)('has a translation for %j', template => {
    expect(zhCN[template]).toBeTruthy();
  });

  it('fills the placeholders of a saved message', () => {
    expect(createTranslate('zh-CN')('Saved {id} version {version}.', { id: 'licence-form', version: 2 })).toBe('已保存 licence-form 版本 2。');
  });
});
