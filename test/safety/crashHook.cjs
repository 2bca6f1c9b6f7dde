/* global process */
// Preloaded (`node -r`) into the CLI, its workers and the language server by the leak suite: any regex run on
// text holding PHISAFE_TEST_CRASH_ON throws an Error whose message quotes that text, the worst crash a detector
// could have. The faces must report the crash without the message. Test-only: nothing in the product loads it.
const marker = process.env.PHISAFE_TEST_CRASH_ON;
if (marker) {
  const exec = RegExp.prototype.exec;
  RegExp.prototype.exec = function crashingExec(subject) {
    const text = String(subject);
    if (text.includes(marker)) throw new Error(`simulated detector crash on: ${text.slice(0, 400)}`);
    return exec.call(this, subject);
  };
}
