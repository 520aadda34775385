// Which block of a README is the snippet scripts/check-pack.mjs runs.

/** The first ```js (or ```javascript) fenced block of a Markdown text. */
export function firstJsBlock(md) {
  const m = /^```(?:js|javascript|mjs)\s*\n([\s\S]*?)^```/m.exec(md);
  return m ? m[1] : null;
}
