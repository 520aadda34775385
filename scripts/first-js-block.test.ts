import { describe, expect, it } from 'vitest';
import { firstJsBlock } from './first-js-block.mjs';

describe('firstJsBlock', () => {
  it('returns the first js block, not sh or ts blocks before it', () => {
    const md = '# x\n```sh\nnpm i\n```\n```ts\nconst a: number = 1;\n```\n```js\nconsole.log(1);\n```\n```js\nconsole.log(2);\n```\n';
    expect(firstJsBlock(md)).toBe('console.log(1);\n');
  });
  it('returns null without one', () => {
    expect(firstJsBlock('# nothing\n```sh\nls\n```\n')).toBeNull();
  });
});
