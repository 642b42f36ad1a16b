// Pictures a test run cannot take: VS Code refuses modal dialogs while an extension test runs, so the
// export question and the extension page are photographed in an ordinary window of the installed .vsix,
// driven by the keyboard as a user would.
import { join } from 'node:path';

const SETTLE_MS = 1500;

async function runCommand(page, title) {
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').waitFor();
  await page.keyboard.type(title);
  await page.waitForTimeout(600);
  await page.keyboard.press('Enter');
}

async function openFile(page, name) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  // Without the command prefix the palette is Quick Open.
  await input.fill(name);
  await page.locator('.quick-input-widget .monaco-list-row').first().waitFor();
  await page.waitForTimeout(600);
  await page.keyboard.press('Enter');
}

export async function takeTourPictures(page, address, folder, outputFolder) {
  await page.goto(`${address}/?folder=${encodeURIComponent(folder)}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
  await page.waitForTimeout(3000);

  await openFile(page, 'report-draft.md');
  await page.locator('.squiggly-error').first().waitFor({ timeout: 30000 });
  // The display language here is English: the palette shows “述职报告 Duty Report: Export to Word (.docx)”.
  await runCommand(page, '述职报告 Export to Word');
  await page.locator('.monaco-dialog-box').waitFor({ timeout: 30000 });
  await page.waitForTimeout(SETTLE_MS);
  // Enter presses the focused button: it must be the safe one.
  const focused = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
  if (focused !== '查看问题') throw new Error(`the export question's default button is “${focused}”, not 查看问题`);
  await page.screenshot({ path: join(outputFolder, 'export-question.png') });
  await page.keyboard.press('Escape');

  await runCommand(page, 'Extensions: Show Installed Extensions');
  const item = page.locator('.extensions-viewlet .monaco-list-row', { hasText: '述职报告助手' }).first();
  await item.waitFor({ timeout: 30000 });
  await item.click();
  await page.locator('.extension-editor').waitFor({ timeout: 30000 });
  await page.locator('.extension-editor .header .name').waitFor({ timeout: 30000 });
  await page.waitForTimeout(3000);
  // The header and the page's opening: the browser build's webview does not load the page's own pictures
  // (the desktop build does), so the picture stops above the first of them.
  await page.screenshot({ path: join(outputFolder, 'extension-page.png'), clip: { x: 0, y: 0, width: 1440, height: 432 } });
  return ['export-question.png', 'extension-page.png'];
}
