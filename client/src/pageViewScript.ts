/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The page view's script, run inside the webview (a browser: no Node, no VS Code API but messages).
 * Self-contained: it is sent as its own source text, so it may use nothing from outside its body.
 */
import type { PageGeometry, PageViewMessage } from './pageViewMessages';

declare function acquireVsCodeApi(): { postMessage(message: unknown): void };

export function pageViewScript(): void {
  const vscode = acquireVsCodeApi();
  const root = document.getElementById('pages')!;
  const status = document.getElementById('status')!;
  let shown: Extract<PageViewMessage, { type: 'pages' }> | undefined;

  const FONTS = {
    title: '"方正小标宋简体", "方正小标宋_GBK", "FZXiaoBiaoSong-B05S", "华文中宋", "STZhongsong", "Songti SC", "Noto Serif CJK SC", "Source Han Serif SC", serif',
    body: '"仿宋", "仿宋_GB2312", "FangSong", "FangSong_GB2312", "STFangsong", "华文仿宋", "Noto Serif CJK SC", "Source Han Serif SC", serif',
    heading1: '"黑体", "SimHei", "Heiti SC", "STHeiti", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif',
    heading2: '"楷体", "楷体_GB2312", "KaiTi", "KaiTi_GB2312", "STKaiti", "华文楷体", "Kaiti SC", "Noto Serif CJK SC", serif',
    pageNumber: '"宋体", "SimSun", "Songti SC", "Noto Serif CJK SC", serif',
  };
  const LATIN = '"Times New Roman", "Liberation Serif", Times, ';

  const fontOf = (style: string, level?: number) => {
    if (style === 'title') return FONTS.title;
    if (style === 'subtitle') return FONTS.heading2;
    if (style === 'heading' && level === 1) return FONTS.heading1;
    if (style === 'heading' && level === 2) return FONTS.heading2;
    return FONTS.body;
  };

  const element = (tag: string, className: string, text?: string) => {
    const made = document.createElement(tag);
    made.className = className;
    if (text !== undefined) made.textContent = text;
    return made;
  };

  function render(message: Extract<PageViewMessage, { type: 'pages' }>): void {
    const geometry: PageGeometry = message.geometry;
    // Real size (96 px to the inch) when the view is wide enough, else as wide as it is.
    const k = Math.min(1 / 15, (document.documentElement.clientWidth - 32) / geometry.width);
    const px = (twips: number) => `${(twips * k).toFixed(2)}px`;
    // Pages drawn as before are kept: typing redraws the page it changes and those its lines push on.
    const kept = root.children;
    const sheets: Element[] = [];
    message.pages.forEach((page, index) => {
      const key = `${k}|${JSON.stringify(page)}`;
      const old = kept[index] as HTMLElement | undefined;
      if (old && old.dataset.key === key) {
        sheets.push(old);
        return;
      }
      const sheet = element('div', 'page');
      sheet.dataset.key = key;
      sheet.style.width = px(geometry.width);
      sheet.style.height = px(geometry.height);
      const block = element('div', 'block');
      block.style.left = px(geometry.marginLeft);
      block.style.top = px(geometry.marginTop);
      block.style.width = px(geometry.width - geometry.marginLeft - geometry.marginRight);
      block.style.height = px(geometry.height - geometry.marginTop - geometry.marginBottom);
      for (const line of page.lines) block.append(lineElement(line, px, geometry, false));
      if (page.footnotes.length > 0) {
        const notes = element('div', 'notes');
        for (const line of page.footnotes) notes.append(lineElement(line, px, geometry, true));
        block.append(notes);
      }
      sheet.append(block);
      const number = element('div', `number ${page.number % 2 === 1 ? 'odd' : 'even'}`, `— ${page.number} —`);
      number.style.bottom = px(geometry.footer);
      number.style.fontSize = px(geometry.sizes.pageNumber);
      number.style.fontFamily = LATIN + FONTS.pageNumber;
      number.style[page.number % 2 === 1 ? 'right' : 'left'] = px(geometry.marginRight + geometry.sizes.pageNumber);
      sheet.append(number);
      sheets.push(sheet);
    });
    // One swap, the scroll position kept: no flicker while typing.
    const scroll = document.scrollingElement!.scrollTop;
    root.replaceChildren(...sheets);
    document.scrollingElement!.scrollTop = scroll;
    status.textContent = `${message.pages.length} 页 · ${message.characters.toLocaleString('en-US')} 字 · 宣读约 ${message.minutes} 分钟`;
    vscode.postMessage({ type: 'rendered', version: message.version, pages: root.querySelectorAll('.page').length });
  }

  function lineElement(line: PageViewLine, px: (twips: number) => string, geometry: PageGeometry, note: boolean): HTMLElement {
    const row = element('div', `line ${line.style}${line.last ? ' last' : ''}`);
    row.style.height = px(line.height);
    row.style.lineHeight = px(line.height);
    const size = line.style === 'title' ? geometry.sizes.title : note || line.style === 'table' ? geometry.sizes.small : geometry.sizes.body;
    row.style.fontSize = px(size);
    row.style.fontFamily = LATIN + fontOf(line.style, line.level);
    if (line.style !== 'title' && line.style !== 'table' && !note) row.style.letterSpacing = px(geometry.tracking);
    row.style.textAlign = line.align === 'justify' ? 'justify' : line.align;
    if (line.indent) row.style.paddingLeft = px(line.indent);
    if (line.right) row.style.paddingRight = px(line.right);
    if (line.offset >= 0) row.dataset.offset = String(line.offset);
    if (line.style === 'table') {
      for (const cell of line.cells ?? []) row.append(element('span', 'cell', cell));
    } else if (line.style === 'image') {
      const box = element('span', 'image', line.text ? `图：${line.text}` : '图');
      box.style.width = px(Number(line.cells?.[0] ?? 0));
      box.style.height = px(line.height - 40);
      row.append(box);
    } else if (line.strong) {
      const head = element('span', 'runin', line.text.slice(0, line.strong));
      head.style.fontFamily = LATIN + fontOf('heading', line.level);
      row.append(head, document.createTextNode(line.text.slice(line.strong)));
    } else {
      row.textContent = line.text;
    }
    return row;
  }

  /** The editor's first visible line, in source offsets: the view scrolls to the set line holding it. */
  function reveal(offset: number): void {
    let target: HTMLElement | undefined;
    for (const candidate of root.querySelectorAll<HTMLElement>('.line[data-offset]')) {
      if (Number(candidate.dataset.offset) > offset) break;
      target = candidate;
    }
    if (target) document.scrollingElement!.scrollTop = target.getBoundingClientRect().top + document.scrollingElement!.scrollTop - 48;
  }

  window.addEventListener('message', (event: MessageEvent<PageViewMessage>) => {
    const message = event.data;
    if (message.type === 'pages') {
      shown = message;
      render(message);
    } else if (message.type === 'reveal') {
      reveal(message.offset);
    }
  });
  window.addEventListener('resize', () => {
    if (shown) render(shown);
  });
  root.addEventListener('click', (event) => {
    const line = (event.target as HTMLElement).closest<HTMLElement>('[data-offset]');
    if (line) vscode.postMessage({ type: 'open', offset: Number(line.dataset.offset) });
  });
  vscode.postMessage({ type: 'ready' });
}

type PageViewLine = Extract<PageViewMessage, { type: 'pages' }>['pages'][number]['lines'][number];
