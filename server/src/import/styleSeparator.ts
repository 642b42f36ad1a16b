/**
 * Word's style separator: a paragraph whose mark is hidden runs on into the next one, and Word shows
 * the two as one (a run-in heading, （一）完善制度。基础不牢……). The draft gets them as one line.
 */
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

function childNamed(element: Element | undefined, name: string): Element | undefined {
  for (let node = element?.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1 && (node as Element).localName === name && (node as Element).namespaceURI === W) return node as Element;
  }
  return undefined;
}

/**
 * Marks each paragraph whose mark is hidden as having its mark deleted, which mammoth reads as Word
 * does an accepted deletion: the paragraph's text runs on into the next. Marking, not moving nodes,
 * keeps this linear however many paragraphs are chained. Returns how many were marked.
 */
export function joinStyleSeparated(document: Document): number {
  let marked = 0;
  for (const paragraph of Array.from(document.getElementsByTagNameNS(W, 'p'))) {
    const mark = childNamed(childNamed(paragraph, 'pPr'), 'rPr');
    const vanish = childNamed(mark, 'vanish');
    if (!mark || !vanish || /^(0|false|off)$/.test(vanish.getAttributeNS(W, 'val') ?? '') || childNamed(mark, 'del')) continue;
    mark.appendChild(document.createElementNS(W, 'w:del'));
    marked++;
  }
  return marked;
}
