/**
 * Which checks can match a line, told by one pass over its characters: each check needs one of its
 * characters in the line, and a check whose kind of character is absent is skipped. A loop over the
 * codes with a table costs less than one pattern scan per check.
 */
export class CharacterKinds {
  private readonly kinds = new Uint16Array(0x10000);

  /** Gives each of `characters` the kind bit `kind` (up to 16 kinds). */
  add(characters: string, kind: number): this {
    for (let i = 0; i < characters.length; i++) this.kinds[characters.charCodeAt(i)] |= kind;
    return this;
  }

  /** The kind bits of one character code. */
  of(code: number): number {
    return this.kinds[code];
  }

  /** The kind bits of every character of a text, together. */
  in(text: string): number {
    let kinds = 0;
    for (let i = 0; i < text.length; i++) kinds |= this.kinds[text.charCodeAt(i)];
    return kinds;
  }
}
