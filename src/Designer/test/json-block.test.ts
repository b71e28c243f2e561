import { describe, expect, it } from 'vitest';
import { readJsonBlock } from '../src/task-page/json-block';

function pageWith(blocks: Record<string, string>): Pick<Document, 'getElementById'> {
  return { getElementById: (id: string) => (id in blocks ? ({ textContent: blocks[id] } as HTMLElement) : null) };
}

describe('readJsonBlock', () => {
  it('reads the JSON of the block, escaped markup included', () => {
    const page = pageWith({ data: '{"note":"\\u003Cscript\\u003Ealert(1)\\u003C/script\\u003E"}' });

    expect(readJsonBlock(page, 'data', {})).toEqual({ note: '<script>alert(1)</script>' });
  });

  it('gives the fallback for a missing or empty block', () => {
    const page = pageWith({ empty: '  ' });

    expect(readJsonBlock(page, 'missing', { a: 1 })).toEqual({ a: 1 });
    expect(readJsonBlock(page, 'empty', null)).toBeNull();
  });
});
