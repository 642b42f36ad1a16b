/** The question asked before exporting an unfinished draft (no editor imports: tested on its own). */

export const SHOW_PROBLEMS = '查看问题';
export const EXPORT_ANYWAY = '仍然导出';

/**
 * `unfinished` counts every finding that would hand in blanks, page chrome from a download site
 * (template-residue) included. The safe choice comes first: a modal's first button is the one Enter presses.
 */
export function unfinishedQuestion(unfinished: number): { message: string; buttons: [string, string] } {
  return {
    message: `这份文稿还有 ${unfinished} 处未完成的内容（未填的占位符、缺少的数字或部分、网站残留等）。建议先查看问题，仍要导出吗？`,
    buttons: [SHOW_PROBLEMS, EXPORT_ANYWAY],
  };
}
