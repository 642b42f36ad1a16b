/**
 * Word's style separator: a paragraph whose mark is hidden runs on into the next one, and Word shows
 * the two as one (a run-in heading, （一）完善制度。基础不牢……). The draft gets them as one line.
 */
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

function childNamed(element: Element | null | undefined, name: string): Element | undefined {
  for (let node = element?.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1 && (node as Element).localName === name && (node as Element).namespaceURI === W) return node as Element;
  }
  return undefined;
}

function markHidden(paragraph: Element): boolean {
  const vanish = childNamed(childNamed(childNamed(paragraph, 'pPr'), 'rPr'), 'vanish');
  return vanish !== undefined && !/^(0|false|off)$/.test(vanish.getAttributeNS(W, 'val') ?? '');
}

function nextElement(element: Element): Element | undefined {
  for (let node = element.nextSibling; node; node = node.nextSibling) if (node.nodeType === 1) return node as Element;
  return undefined;
}

/** Moves the content of each paragraph that follows a hidden paragraph mark into that paragraph. Returns how many were joined. */
export function joinStyleSeparated(document: Document): number {
  const paragraphs = Array.from(document.getElementsByTagNameNS(W, 'p'));
  let joined = 0;
  // From the end, so that a chain of hidden marks gathers into its first paragraph.
  for (let index = paragraphs.length - 1; index >= 0; index--) {
    const paragraph = paragraphs[index];
    const next = markHidden(paragraph) ? nextElement(paragraph) : undefined;
    if (!next || next.localName !== 'p' || next.namespaceURI !== W) continue;
    for (const node of Array.from(next.childNodes)) {
      if (!(node.nodeType === 1 && (node as Element).localName === 'pPr')) paragraph.appendChild(node);
    }
    next.parentNode!.removeChild(next);
    joined++;
  }
  return joined;
}
