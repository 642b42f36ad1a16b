/**
 * Inline comments: <!-- shuzhi-disable [ids] -->, <!-- shuzhi-enable [ids] -->,
 * <!-- shuzhi-disable-next-line [ids] -->, <!-- shuzhi-disable-line [ids] -->. No ids means every rule.
 */
import { countAtOrBefore } from './sorted';
import type { HtmlComment } from '../reading/markdown';
import { lineOfOffset } from '../reading/model';

type Kind = 'disable' | 'enable' | 'disable-next-line' | 'disable-line';

interface Directive {
  kind: Kind;
  offset: number;
  line: number;
  rules?: Set<string>;
}

const DIRECTIVE = /^\s*shuzhi-(disable-next-line|disable-line|disable|enable)\b([^]*)$/;

export class Suppressions {
  private readonly directives: Directive[];
  /** Line → the line directives on it, and per rule the disable/enable directives that apply to it, in document order. */
  private readonly onLine = new Map<number, Directive[]>();
  private readonly rangesOfRule = new Map<string, Directive[]>();

  constructor(comments: readonly HtmlComment[], private readonly source: string, private readonly lineStarts: readonly number[]) {
    this.directives = [];
    for (const comment of comments) {
      const match = DIRECTIVE.exec(comment.value);
      if (!match) continue;
      const ids = match[2].split(/[\s,，]+/).filter(Boolean);
      const kind = match[1] as Kind;
      const anchor = kind === 'disable-next-line' ? comment.end : comment.start;
      const line = kind === 'disable-next-line' ? this.nextContentLine(lineOfOffset(lineStarts, anchor)) : lineOfOffset(lineStarts, anchor);
      const directive: Directive = { kind, offset: comment.start, line, rules: ids.length ? new Set(ids) : undefined };
      this.directives.push(directive);
      if (kind === 'disable-next-line' || kind === 'disable-line') {
        const here = this.onLine.get(line);
        if (here) here.push(directive);
        else this.onLine.set(line, [directive]);
      }
    }
  }

  /** Looked up, not scanned: a draft may hold a directive on every line and a finding on every line. */
  isSuppressed(rule: string, offset: number): boolean {
    if (this.directives.length === 0) return false;
    const applies = (directive: Directive) => !directive.rules || directive.rules.has(rule);
    if (this.onLine.get(lineOfOffset(this.lineStarts, offset))?.some(applies)) return true;
    let ranges = this.rangesOfRule.get(rule);
    if (!ranges) {
      ranges = this.directives.filter((directive) => (directive.kind === 'disable' || directive.kind === 'enable') && applies(directive));
      this.rangesOfRule.set(rule, ranges);
    }
    // The last disable or enable at or before the offset decides.
    const before = countAtOrBefore(ranges, (directive) => directive.offset, offset);
    return before > 0 && ranges[before - 1].kind === 'disable';
  }

  private nextContentLine(line: number): number {
    let next = line + 1;
    while (next < this.lineStarts.length) {
      const end = next + 1 < this.lineStarts.length ? this.lineStarts[next + 1] : this.source.length;
      if (this.source.slice(this.lineStarts[next], end).trim() !== '') break;
      next++;
    }
    return next;
  }
}
