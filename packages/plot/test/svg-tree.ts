// A strict little XML reader for tests: it throws on anything that is not
// well-formed XML (unbalanced or crossed tags, unquoted or repeated attributes,
// a bare `&` or `<` in text, more than one root) and returns the element tree.

export interface SvgNode {
  name: string;
  attrs: Record<string, string>;
  children: SvgNode[];
  text: string;
}

const NAME = /^[A-Za-z_][\w.:-]*$/;
const ENTITY = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;

function checkText(s: string, where: string): string {
  if (s.replace(ENTITY, '').includes('&')) throw new Error(`bare & in ${where}: ${s.slice(0, 60)}`);
  return s.replace(ENTITY, (e) => ({ '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" })[e] ?? '?');
}

function parseAttrs(src: string, tag: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  const re = /\s+([^\s=]+)="([^"<]*)"|\s+([^\s=]+)='([^'<]*)'/gy;
  let pos = 0;
  while (pos < src.length) {
    if (/^\s*$/.test(src.slice(pos))) break;
    re.lastIndex = pos;
    const m = re.exec(src);
    if (!m) throw new Error(`bad attribute syntax in <${tag}${src}>`);
    const name = m[1] ?? m[3]!;
    if (!NAME.test(name)) throw new Error(`bad attribute name ${name}`);
    if (name in attrs) throw new Error(`repeated attribute ${name} in <${tag}>`);
    attrs[name] = checkText(m[2] ?? m[4]!, `attribute ${name}`);
    pos = re.lastIndex;
  }
  return attrs;
}

/** Parse `xml` (throwing unless it is well-formed) and return its root element. */
export function parseSvg(xml: string): SvgNode {
  const root: SvgNode = { name: '#document', attrs: {}, children: [], text: '' };
  const stack: SvgNode[] = [root];
  let i = 0;
  const s = xml.replace(/^<\?xml[^>]*\?>/, '');
  while (i < s.length) {
    const lt = s.indexOf('<', i);
    const text = s.slice(i, lt < 0 ? s.length : lt);
    if (text.length > 0) {
      if (stack.length === 1 && text.trim() !== '') throw new Error('text outside the root element');
      stack[stack.length - 1]!.text += checkText(text, 'text');
    }
    if (lt < 0) break;
    const gt = s.indexOf('>', lt);
    if (gt < 0) throw new Error('unterminated tag');
    const tag = s.slice(lt + 1, gt);
    if (tag.startsWith('!--')) {
      const end = s.indexOf('-->', lt);
      if (end < 0) throw new Error('unterminated comment');
      i = end + 3;
      continue;
    }
    if (tag.startsWith('/')) {
      const name = tag.slice(1).trim();
      const open = stack.pop();
      if (!open || open.name !== name) throw new Error(`</${name}> closes <${open?.name}>`);
    } else {
      const selfClosing = tag.endsWith('/');
      const body = selfClosing ? tag.slice(0, -1) : tag;
      const m = /^([^\s/>]+)/.exec(body);
      if (!m || !NAME.test(m[1]!)) throw new Error(`bad tag <${tag.slice(0, 40)}>`);
      const node: SvgNode = { name: m[1]!, attrs: parseAttrs(body.slice(m[1]!.length), m[1]!), children: [], text: '' };
      const parent = stack[stack.length - 1]!;
      if (parent === root && root.children.length > 0) throw new Error('more than one root element');
      parent.children.push(node);
      if (!selfClosing) stack.push(node);
    }
    i = gt + 1;
  }
  if (stack.length !== 1) throw new Error(`<${stack[stack.length - 1]!.name}> is never closed`);
  if (root.children.length !== 1) throw new Error('no root element');
  return root.children[0]!;
}

/** Every element below `node` (depth first) for which `pred` holds. */
export function findAll(node: SvgNode, pred: (n: SvgNode) => boolean, out: SvgNode[] = []): SvgNode[] {
  for (const c of node.children) {
    if (pred(c)) out.push(c);
    findAll(c, pred, out);
  }
  return out;
}

const hasClass = (n: SvgNode, ...cls: string[]) => cls.every((c) => (n.attrs.class ?? '').split(/\s+/).includes(c));

/** The data-mark items of one kind (`'rect'`, `'line'`, `'symbol'`): children of vega's `mark-<kind> role-mark` groups. */
export function markItems(svg: SvgNode, kind: string): SvgNode[] {
  return findAll(svg, (n) => n.name === 'g' && hasClass(n, `mark-${kind}`, 'role-mark')).flatMap((g) => g.children);
}

/** The texts of all `<text>` elements. */
export function texts(svg: SvgNode): string[] {
  return findAll(svg, (n) => n.name === 'text').map((n) => n.text);
}

/** Texts of vega's axis titles, in drawing order (x before y). */
export function axisTitles(svg: SvgNode): string[] {
  return findAll(svg, (n) => n.name === 'g' && hasClass(n, 'role-axis-title')).flatMap((g) => g.children.map((t) => t.text));
}

/** The `[x, y, w, h]` of a rect item drawn by vega as `M x,y h w v h h -w Z`. */
export function rectBox(node: SvgNode): [number, number, number, number] {
  const m = /^M(-?[\d.e-]+),(-?[\d.e-]+)h(-?[\d.e-]+)v(-?[\d.e-]+)h-?[\d.e-]+Z$/.exec(node.attrs.d ?? '');
  if (!m) throw new Error(`not a rect path: ${node.attrs.d}`);
  return [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
}

/** The vertices of a polyline path `M x,y L x,y …`. */
export function pathPoints(node: SvgNode): [number, number][] {
  const d = node.attrs.d ?? '';
  if (!/^M[^A-KN-Za-z]*$/.test(d.replace(/L/g, ''))) throw new Error(`not a polyline path: ${d.slice(0, 60)}`);
  return d
    .slice(1)
    .split('L')
    .map((p) => p.split(',').map(Number) as [number, number]);
}
