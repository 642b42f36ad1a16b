/** The README's code, read at test time, so that the tests run what a user copies. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');

/**
 * The fenced block of `language` in the README section headed by `heading` (`### Neovim`), as it stands
 * in README.md now: the test runs what a user copies.
 */
export function readmeSnippet(heading: string, language: string): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`README.md has no section “${heading}”`);
  const section = readme.slice(start + 1).split(/\n#{2,3} /)[0];
  const block = new RegExp(`^\`\`\`${language}\\n([\\s\\S]*?)^\`\`\`$`, 'm').exec(section);
  if (!block) throw new Error(`README.md section “${heading}” has no \`\`\`${language} block`);
  return block[1];
}
