import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, it } from 'vitest';
import rule, { ENGINE_MATH } from '../no-engine-math.js';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const ruleTester = new RuleTester({ languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module' } });

ruleTester.run('no-engine-math', rule, {
  valid: [
    // exact Math functions
    'const a = Math.floor(x) + Math.ceil(x) + Math.round(x) + Math.trunc(x) + Math.abs(x) + Math.sign(x);',
    'const b = Math.sqrt(x) + Math.min(x, y) + Math.max(x, y) + Math.fround(x) + Math.imul(x, y) + Math.clz32(x);',
    'const c = Math.LN2 * k + Math.PI;',
    // integer-literal powers are exact
    'const TWO32 = 2 ** 32; const eps = 2 ** 52; const m = (-2) ** 31 - 1;',
    // a local binding named Math is not the engine's
    'function f(Math: { log(x: number): number }) { return Math.log(2); }',
    // the word in comments and strings
    '// Math.log is not used here\nconst s = "Math.exp(x)";',
    'const t: typeof Math.log = detLog;',
  ],
  invalid: [
    ...[...ENGINE_MATH].map((name) => ({
      code: `const y = Math.${name}(x, 2);`,
      errors: [{ messageId: 'engineMath', data: { name } }],
    })),
    { code: "const y = Math['exp'](x);", errors: [{ messageId: 'engineMath', data: { name: 'exp' } }] },
    { code: 'const f = Math.log; const y = f(x);', errors: [{ messageId: 'engineMath', data: { name: 'log' } }] },
    { code: 'const y = Math?.expm1(x);', errors: [{ messageId: 'engineMath', data: { name: 'expm1' } }] },
    { code: 'const u = Math.random();', errors: [{ messageId: 'random' }] },
    { code: 'const { log } = Math;', errors: [{ messageId: 'indirect' }] },
    { code: 'const M = Math; M.exp(1);', errors: [{ messageId: 'indirect' }] },
    { code: 'const y = Math[name](x);', errors: [{ messageId: 'indirect' }] },
    { code: 'const y = x ** 0.5;', errors: [{ messageId: 'power' }] },
    { code: 'const y = 2 ** shift;', errors: [{ messageId: 'power' }] },
    { code: 'const y = 10 ** -3;', errors: [{ messageId: 'power' }] },
    { code: 'const y = 1.5 ** 2;', errors: [{ messageId: 'power' }] },
    { code: 'let y = 3; y **= 2;', errors: [{ messageId: 'power' }] },
  ],
});
