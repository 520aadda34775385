// Links to /guide/<pkg> from any page become links to packages/<pkg>'s README in the repository while
// guide/<pkg>.md does not exist yet, so pages can link every package's guide before it is written.
//
// Guides include regions of their package's README (`<!--@include: ../../../packages/<pkg>/README.md#results-->`).
// A relative link in that README points into the package folder, not to a page of the site, so for
// guide/<pkg>.md a relative link or image that is not a file beside the guide but is one in
// packages/<pkg>/ becomes: a link to that file in the repository (GitHub), or an image bundled
// from the package folder.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { MarkdownRenderer } from 'vitepress';

type Token = ReturnType<MarkdownRenderer['parse']>[number];

export interface ReadmeLinkOptions {
  /** apps/docs, absolute. */
  docs: string;
  /** The repository root, absolute. */
  repo: string;
  /** The repository's web address, e.g. https://github.com/neurite/neurite. */
  repository: string;
}

const ABSOLUTE = /^(?:[a-z][a-z0-9+.-]*:|\/|#)/i;

export function readmeLinks(md: MarkdownRenderer, options: ReadmeLinkOptions): void {
  md.core.ruler.push('neurite-guide-links', (state) => {
    const visit = (tokens: Token[] | null): void => {
      for (const t of tokens ?? []) {
        const href = t.type === 'link_open' ? t.attrGet('href') : null;
        const m = href ? /^\/guide\/([a-z0-9-]+)(?:\.(?:md|html))?(#.*)?$/.exec(href) : null;
        if (
          m &&
          !existsSync(path.join(options.docs, 'guide', `${m[1]}.md`)) &&
          existsSync(path.join(options.repo, 'packages', m[1], 'README.md'))
        ) {
          t.attrSet('href', `${options.repository}/tree/main/packages/${m[1]}${m[2] ?? '#readme'}`);
        }
        visit(t.children);
      }
    };
    visit(state.tokens);
  });
  md.core.ruler.push('neurite-readme-links', (state) => {
    const relativePath = (state.env as { relativePath?: string }).relativePath ?? '';
    const m = /^guide\/([a-z0-9-]+)\.md$/.exec(relativePath);
    if (!m) return;
    const pkgDir = path.join(options.repo, 'packages', m[1]);
    const pageDir = path.join(options.docs, 'guide');
    const visit = (tokens: Token[] | null): void => {
      for (const t of tokens ?? []) {
        const attr = t.type === 'link_open' ? 'href' : t.type === 'image' ? 'src' : undefined;
        const target = attr ? t.attrGet(attr) : null;
        if (attr && target && !ABSOLUTE.test(target)) {
          const [file, hash = ''] = target.split('#');
          if (
            file &&
            !existsSync(path.join(pageDir, decodeURIComponent(file))) &&
            existsSync(path.join(pkgDir, decodeURIComponent(file)))
          ) {
            const inRepo = path.relative(options.repo, path.join(pkgDir, file)).split(path.sep).join('/');
            t.attrSet(
              attr,
              attr === 'src'
                ? path.relative(pageDir, path.join(pkgDir, file)).split(path.sep).join('/')
                : `${options.repository}/blob/main/${inRepo}${hash ? `#${hash}` : ''}`,
            );
          }
        }
        visit(t.children);
      }
    };
    visit(state.tokens);
  });
}
