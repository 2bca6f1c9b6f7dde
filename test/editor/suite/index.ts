/**
 * Entry point the extension host loads (extensionTestsPath): runs the mocha suites inside the real VS Code
 * host and starts with `phisafe-suite: start` and ends with one line the runner parses, `phisafe-suite: N passed, N failed`.
 */
import Mocha from 'mocha';

export async function run(): Promise<void> {
  console.log('phisafe-suite: start');
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  // The suites are bundled into this file: give them mocha's globals, then load them in order.
  mocha.suite.emit('pre-require', globalThis, 'phisafe-editor-suite', mocha);
  await import('./activation.test');
  await import('./sqlFile.test');
  await import('./notebook.test');
  await import('./commands.test');
  await import('./fixes.test');
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      console.log(`phisafe-suite: ${runner.stats?.passes ?? 0} passed, ${runner.stats?.failures ?? failures} failed`);
      if (failures > 0) reject(new Error(`${failures} editor test(s) failed`));
      else resolve();
    });
  });
}
