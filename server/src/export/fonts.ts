/**
 * word/fontTable.xml with fallbacks: the face names each family goes by on Windows (old and new),
 * macOS and WPS, so a machine without the named face picks the same family instead of Word's default.
 * ECMA-376 17.8.3.1: w:altName holds a comma-separated list of alternative names.
 */
import type { ExportFonts } from './layout';

interface Family {
  names: string[];
  /** PANOSE of the Windows face, which Word matches when no name is found. */
  panose?: string;
  family: 'roman' | 'modern' | 'swiss';
  pitch: 'fixed' | 'variable';
}

const FAMILIES: Family[] = [
  { names: ['仿宋', '仿宋_GB2312', 'FangSong', 'FangSong_GB2312', '华文仿宋', 'STFangsong'], panose: '02010609060101010101', family: 'modern', pitch: 'fixed' },
  { names: ['楷体', '楷体_GB2312', 'KaiTi', 'KaiTi_GB2312', '华文楷体', 'STKaiti', 'Kaiti SC'], panose: '02010609060101010101', family: 'modern', pitch: 'fixed' },
  { names: ['黑体', 'SimHei', '华文黑体', 'STHeiti', 'Heiti SC'], panose: '02010609060101010101', family: 'modern', pitch: 'fixed' },
  { names: ['宋体', 'SimSun', '华文宋体', 'STSong', 'Songti SC'], panose: '02010600030101010101', family: 'roman', pitch: 'variable' },
  // 方正小标宋 is commercial; where it is missing, 华文中宋 (shipped with Office) is the usual stand-in.
  { names: ['方正小标宋简体', '方正小标宋_GBK', 'FZXiaoBiaoSong-B05S', '华文中宋', 'STZhongsong'], family: 'roman', pitch: 'variable' },
  { names: ['Times New Roman'], panose: '02020603050405020304', family: 'roman', pitch: 'variable' },
];

export const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function fontEntry(name: string): string {
  const family = FAMILIES.find((candidate) => candidate.names.includes(name));
  const chinese = /[^\x20-\x7e]/.test(name) || (family !== undefined && family.names.some((other) => /[^\x20-\x7e]/.test(other)));
  const parts = [
    family && family.names.length > 1 ? `<w:altName w:val="${escapeXml(family.names.filter((other) => other !== name).join(','))}"/>` : '',
    family?.panose ? `<w:panose1 w:val="${family.panose}"/>` : '',
    // 86 is GB2312: Word substitutes a Chinese face for a missing Chinese one.
    `<w:charset w:val="${chinese ? '86' : '00'}"/>`,
    `<w:family w:val="${family?.family ?? (chinese ? 'modern' : 'roman')}"/>`,
    `<w:pitch w:val="${family?.pitch ?? 'variable'}"/>`,
  ];
  return `<w:font w:name="${escapeXml(name)}">${parts.join('')}</w:font>`;
}

export function fontTableXml(fonts: ExportFonts): string {
  const names = [...new Set(Object.values(fonts))];
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    + '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    + names.map(fontEntry).join('')
    + '</w:fonts>';
}
