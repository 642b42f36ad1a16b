/**
 * Inline comments: <!-- shuzhi-disable [ids] -->, <!-- shuzhi-enable [ids] -->,
 * <!-- shuzhi-disable-next-line [ids] -->, <!-- shuzhi-disable-line [ids] -->. No ids means every rule.
 */
import type { HtmlComment } from './markdown';
import { lineOfOffset } from './model';

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

  constructor(comments: readonly HtmlComment[], private readonly source: string, private readonly lineStarts: readonly number[]) {
    this.directives = [];
    for (const comment of comments) {
      const match = DIRECTIVE.exec(comment.value);
      if (!match) continue;
      const ids = match[2].split(/[\s,，]+/).filter(Boolean);
      const kind = match[1] as Kind;
      const anchor = kind === 'disable-next-line' ? comment.end : comment.start;
      const line = kind === 'disable-next-line' ? this.nextContentLine(lineOfOffset(lineStarts, anchor)) : lineOfOffset(lineStarts, anchor);
      this.directives.push({ kind, offset: comment.start, line, rules: ids.length ? new Set(ids) : undefined });
    }
  }

  isSuppressed(rule: string, offset: number): boolean {
    if (this.directives.length === 0) return false;
    const line = lineOfOffset(this.lineStarts, offset);
    let disabled = false;
    for (const directive of this.directives) {
      const applies = !directive.rules || directive.rules.has(rule);
      if (!applies) continue;
      if ((directive.kind === 'disable-next-line' || directive.kind === 'disable-line') && directive.line === line) return true;
      if (directive.offset > offset) continue;
      if (directive.kind === 'disable') disabled = true;
      else if (directive.kind === 'enable') disabled = false;
    }
    return disabled;
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
