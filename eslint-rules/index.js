/**
 * The project's own ESLint rules, as a local plugin (`neurite/<rule>` in
 * eslint.config.js). Each rule has a RuleTester test beside it.
 */
import noEngineMath from './no-engine-math.js';

export default {
  meta: { name: 'eslint-plugin-neurite' },
  rules: { 'no-engine-math': noEngineMath },
};
