/** Shapes of draft that once took time growing with the square of their size: the bench times them, the load test checks them. */

export const repeatTo = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

/** Issues: robustness and safety; never lose a word, never hang. */
export const HOSTILE_SHAPES: Record<string, (size: number) => string> = {
  'one line of digits': (size) => repeatTo('1', size),
  'unclosed <!-- repeated': (size) => repeatTo('<!--', size),
  'quotes nested > > >': (size) => `${repeatTo('>', size - 3)} 文本`,
  'emphasis stars in one paragraph': (size) => repeatTo('开展*次', size),
  'paragraphs between numbered lists': (size) => repeatTo('一段正文，内容。\n1. 列表项\n', size),
  'paragraphs, blank, numbered list': (size) => repeatTo('一段正文，内容。\n\n1. 列表项\n\n', size),
  'setext headings 标题/---': (size) => repeatTo('标题\n---\n', size),
  'ordinal lines': (size) => repeatTo('1.第一项工作。\n', size),
  'book-title marks never closed 《《《': (size) => `${repeatTo('《', size - 1)}》`,
  'a disable comment and a finding on every line': (size) => repeatTo('投入资金X万元。<!-- shuzhi-disable-line missing-number -->\n', size),
};
