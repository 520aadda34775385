// The site's configuration: offline (local search, the default theme's bundled Inter font, no
// analytics or CDN), a sidebar built from the folders so that adding guide/<pkg>.md needs no edit
// here, and links in package READMEs included into guides made to work on the site.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type DefaultTheme } from 'vitepress';
import { readmeLinks } from './readme-links.js';

const docs = fileURLToPath(new URL('..', import.meta.url));
const repo = path.resolve(docs, '../..');
const REPOSITORY = 'https://github.com/neurite/neurite';

/** The first `# ` heading of a Markdown file (frontmatter `title:` wins), else its name. */
function pageTitle(file: string): string {
  const text = readFileSync(file, 'utf8');
  const fm = /^---\n[\s\S]*?^title:\s*(.+)$/m.exec(text);
  if (fm && text.startsWith('---')) return fm[1].trim().replace(/^['"]|['"]$/g, '');
  const h1 = /^#\s+(.+)$/m.exec(text);
  return h1 ? h1[1].trim() : path.basename(file, '.md');
}

/** guide/*.md, sorted by file name: each package's helper adds a page without touching this file. */
function guideItems(): DefaultTheme.SidebarItem[] {
  const dir = path.join(docs, 'guide');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md') && f !== 'index.md')
    .sort()
    .map((f) => ({ text: pageTitle(path.join(dir, f)), link: `/guide/${f.slice(0, -3)}` }));
}

/** The API sidebar written by the API generator (api/typedoc-sidebar.json), when it exists. */
function apiItems(): DefaultTheme.SidebarItem[] {
  const file = path.join(docs, 'api', 'typedoc-sidebar.json');
  if (!existsSync(file)) return [];
  return JSON.parse(readFileSync(file, 'utf8')) as DefaultTheme.SidebarItem[];
}

const api = process.env.NEURITE_DOCS_SKIP_API ? [] : apiItems();
const apiHome = existsSync(path.join(docs, 'api', 'index.md')) ? '/api/' : undefined;
/** One link per entry point (`@neurite/nir`, `@neurite/nir/node`, …), without their members. */
const apiLinks: DefaultTheme.SidebarItem[] = api.map(({ text, link }) => ({ text, link }));

const mainSidebar: DefaultTheme.SidebarItem[] = [
  {
    text: 'Getting started',
    items: [
      { text: 'What is Neurite', link: '/' },
      { text: 'Getting started', link: '/getting-started' },
    ],
  },
  { text: 'Guides', items: guideItems() },
  ...(api.length ? [{ text: 'API', collapsed: true, link: apiHome, items: apiLinks }] : []),
  { text: 'Benchmarks', link: '/benchmarks' },
  { text: 'Interoperability', link: '/interoperability' },
];

/**
 * The sidebar per section. VitePress inlines the whole theme configuration, every sidebar included,
 * into each of the ~730 pages, so the API sidebar lists the entry points only (each entry point's
 * page lists its members): with every member listed, each page carried ~120 kB of sidebar data.
 */
function sidebars(): DefaultTheme.SidebarMulti {
  const multi: DefaultTheme.SidebarMulti = { '/': mainSidebar };
  if (api.length)
    multi['/api/'] = [
      { text: 'Guides and pages', link: '/getting-started' },
      { text: 'API', link: apiHome, items: apiLinks },
    ];
  return multi;
}

export default defineConfig({
  title: 'Neurite',
  description: 'Brain-inspired computing in TypeScript, in Node and the browser, on every tfjs backend.',
  lang: 'en-US',
  // scripts/build.mjs builds into a fresh folder and then replaces .vitepress/dist with it.
  outDir: process.env.NEURITE_DOCS_OUT_DIR ?? path.join(docs, '.vitepress', 'dist'),
  // NEURITE_DOCS_SKIP_API=1 (see scripts/prepare.mjs) also leaves the API pages out of the build.
  srcExclude: [
    'README.md',
    'CONTRIBUTING-DEMOS.md',
    'test/**',
    'test-artifacts/**',
    'scripts/**',
    'data/**',
    ...(process.env.NEURITE_DOCS_SKIP_API ? ['api/**'] : []),
  ],
  // Without the API pages (NEURITE_DOCS_SKIP_API=1), links into api/ cannot resolve.
  ignoreDeadLinks: process.env.NEURITE_DOCS_SKIP_API ? [/(^|\/)api\//] : undefined,
  cleanUrls: false,
  lastUpdated: false,
  head: [
    ['meta', { name: 'theme-color', content: '#3c8772' }],
    ['link', { rel: 'icon', type: 'image/svg+xml', href: '/favicon.svg' }],
  ],
  markdown: {
    math: false,
    config: (md) => readmeLinks(md, { docs, repo, repository: REPOSITORY }),
  },
  themeConfig: {
    search: { provider: 'local' },
    nav: [
      { text: 'Getting started', link: '/getting-started' },
      { text: 'Guides', link: guideItems()[0]?.link ?? '/getting-started' },
      ...(apiHome ? [{ text: 'API', link: apiHome }] : []),
      { text: 'Benchmarks', link: '/benchmarks' },
      { text: 'Interoperability', link: '/interoperability' },
    ],
    sidebar: sidebars(),
    outline: { level: [2, 3] },
    footer: { message: 'MIT licensed. Every demo runs in your browser; nothing leaves this page.' },
  },
  vite: {
    build: { target: 'es2022', chunkSizeWarningLimit: 8000 },
    esbuild: { target: 'es2022' },
    optimizeDeps: { esbuildOptions: { target: 'es2022' } },
    // The demos import @neurite/* only on the client, by dynamic import.
    ssr: { noExternal: [] },
  },
});
