/**
 * Programs and fonts some tests need, each with the Debian package that provides it (`.ci/run` installs
 * them all by name). A test whose needs are missing says which packages to install, instead of failing
 * on a measurement that depends on them.
 */
import { spawnSync } from 'node:child_process';

export interface Need {
  /** What is needed, as the message names it. */
  what: string;
  /** The Debian package that provides it. */
  debianPackage: string;
  present: () => boolean;
}

const runs = (command: string, args: string[]) => spawnSync(command, args, { stdio: 'ignore' }).status === 0;
const fontFamily = (name: string) => spawnSync('fc-match', ['-f', '%{family}', name], { encoding: 'utf8' }).stdout ?? '';

export const program = (command: string, debianPackage: string, args = ['--version']): Need =>
  ({ what: command, debianPackage, present: () => runs(command, args) });

/** fontconfig itself: the font checks below ask it (without it they count as missing too). */
export const FONTCONFIG = program('fc-match', 'fontconfig', ['--version']);
/** Times New Roman, the export's Latin font: Liberation Serif has the same metrics and stands in for it. */
export const TIMES_METRICS: Need = {
  what: 'Times New Roman 的同宽字体（Liberation Serif）',
  debianPackage: 'fonts-liberation',
  present: () => /Times New Roman|Liberation Serif/.test(fontFamily('Times New Roman')),
};
/** Some Chinese font, for LibreOffice to lay out the Chinese text in. */
export const CHINESE_FONT: Need = {
  what: '中文字体',
  debianPackage: 'fonts-noto-cjk',
  present: () => (spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' }).stdout ?? '').trim() !== '',
};

/**
 * Skips the suite (mocha `before` context) when something is missing, naming the Debian packages to
 * install; in CI (`CI` set) a missing need fails instead, since `.ci/run` installs them all.
 */
export function requireNeeds(context: Mocha.Context, needs: Need[]): void {
  const missing = needs.filter((need) => !need.present());
  if (missing.length === 0) return;
  const packages = [...new Set(missing.map((need) => need.debianPackage))].join(' ');
  const message = `缺少 ${missing.map((need) => need.what).join('、')}：请安装 Debian 软件包 ${packages}（apt-get install ${packages}，或运行 .ci/run）`;
  if (process.env.CI) throw new Error(message);
  console.warn(`      跳过“${context.test?.parent?.title ?? ''}”：${message}`);
  context.skip();
}
