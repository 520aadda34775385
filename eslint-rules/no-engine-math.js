/**
 * ESLint rule `neurite/no-engine-math`: no engine transcendental in code whose
 * results must be identical on every JavaScript engine.
 *
 * ECMAScript leaves the accuracy of Math.log, Math.exp, Math.pow, Math.sin, ...
 * to the implementation ("implementation-approximated"), and engines do differ
 * by an ulp on some arguments, so a seeded stream that used them could differ
 * between Node, Chromium and Firefox. `x ** y` is Math.pow. The seeded RNG and
 * the samplers built on it (packages/tensor/src/rng/**, randomCSR) use
 * packages/tensor/src/rng/det-math.ts (detLog, detLog1p, detExp, detExpm1)
 * instead. Math.random is forbidden there too: every draw comes from the seed.
 *
 * Exact Math functions stay allowed: abs, ceil, floor, round, trunc, sign,
 * min, max, sqrt (correctly rounded by IEEE 754), fround, imul, clz32.
 * `a ** b` with integer literals (2 ** 32) is exact and allowed.
 */

/** Math members whose results ECMAScript leaves to the engine. */
export const ENGINE_MATH = new Set([
  'log',
  'log1p',
  'log2',
  'log10',
  'exp',
  'expm1',
  'pow',
  'sin',
  'cos',
  'tan',
  'asin',
  'acos',
  'atan',
  'atan2',
  'sinh',
  'cosh',
  'tanh',
  'asinh',
  'acosh',
  'atanh',
  'cbrt',
  'hypot',
]);

const DET_MATH = 'packages/tensor/src/rng/det-math.ts';

/** @param {import('estree').Node} node */
function isIntegerLiteral(node, allowNegative) {
  if (node.type === 'Literal' && typeof node.value === 'number') return Number.isInteger(node.value);
  if (allowNegative && node.type === 'UnaryExpression' && node.operator === '-') return isIntegerLiteral(node.argument, false);
  return false;
}

/** @type {import('eslint').Rule.RuleModule} */
export default {
  meta: {
    type: 'problem',
    docs: {
      description: `Forbid engine-approximated Math functions and ** where results must match on every engine (use ${DET_MATH})`,
    },
    schema: [],
    messages: {
      engineMath: `Math.{{name}} is implementation-approximated (engines may differ by an ulp), so seeded results would differ between engines; use the deterministic functions of ${DET_MATH} (detLog, detLog1p, detExp, detExpm1).`,
      power: `\`**\` is Math.pow, implementation-approximated (engines may differ by an ulp); write the product out or use ${DET_MATH} (detExp(y * detLog(x))). Only integer-literal powers such as 2 ** 32 are exact.`,
      random: 'Math.random is not seeded: draw from the Rng passed in (createRng / toRng of @neurite/tensor).',
      indirect: `Math used other than as Math.<member> hides which functions are called; call exact Math members directly and ${DET_MATH} for the rest.`,
    },
  },
  create(context) {
    const sourceCode = context.sourceCode;
    return {
      BinaryExpression(node) {
        if (node.operator !== '**') return;
        if (isIntegerLiteral(node.left, true) && isIntegerLiteral(node.right, false)) return;
        context.report({ node, messageId: 'power' });
      },
      AssignmentExpression(node) {
        if (node.operator === '**=') context.report({ node, messageId: 'power' });
      },
      'Program:exit'(program) {
        const globalScope = sourceCode.getScope(program);
        // References to the global Math: through the declared global when the
        // config declares it, or unresolved references otherwise. A local
        // variable named Math is not the global one and is left alone.
        const variable = globalScope.set.get('Math');
        const refs = [...(variable ? variable.references : []), ...globalScope.through.filter((r) => r.identifier.name === 'Math')];
        const seen = new Set();
        for (const ref of refs) {
          const id = ref.identifier;
          if (seen.has(id)) continue;
          seen.add(id);
          const parent = id.parent;
          // `typeof Math.log` in a TypeScript type calls nothing.
          if (parent.type === 'TSQualifiedName' || parent.type === 'TSTypeQuery') continue;
          if (parent.type !== 'MemberExpression' || parent.object !== id) {
            context.report({ node: id, messageId: 'indirect' });
            continue;
          }
          let name;
          if (!parent.computed && parent.property.type === 'Identifier') name = parent.property.name;
          else if (parent.property.type === 'Literal' && typeof parent.property.value === 'string') name = parent.property.value;
          if (name === undefined) context.report({ node: parent, messageId: 'indirect' });
          else if (name === 'random') context.report({ node: parent, messageId: 'random' });
          else if (ENGINE_MATH.has(name)) context.report({ node: parent, messageId: 'engineMath', data: { name } });
        }
      },
    };
  },
};
