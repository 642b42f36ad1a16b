/**
 * Entry point VS Code loads as extensionTestsPath. Runs the mocha suite inside the real extension host
 * and writes the counts to SHUZHI_TEST_RESULTS: the host does not hand an exit code to the runner here.
 */
import { writeFileSync } from 'node:fs';
import Mocha from 'mocha';
import { extensionSuite } from './extension.test';
import { pageViewSuite } from './pageView.test';
import { metrics, vsixSuite } from './vsix.test';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60000, color: false, reporter: 'spec' });
  mocha.suite.emit('pre-require', globalThis, 'shuzhi-vscode', mocha);
  if (process.env.SHUZHI_TEST_MODE === 'vsix') vsixSuite();
  else {
    extensionSuite();
    pageViewSuite();
  }
  return new Promise((resolve, reject) => {
    const failures: Array<{ title: string; error: string }> = [];
    const runner = mocha.run((failed) => {
      const results = { passed: runner.stats?.passes ?? 0, failed, pending: runner.stats?.pending ?? 0, failures, metrics };
      if (process.env.SHUZHI_TEST_RESULTS) writeFileSync(process.env.SHUZHI_TEST_RESULTS, JSON.stringify(results, null, 2));
      if (failed > 0) reject(new Error(`${failed} tests failed`));
      else resolve();
    });
    runner.on('fail', (test, error: Error) => failures.push({ title: test.fullTitle(), error: error.stack ?? String(error) }));
  });
}
