/**
 * Prints one closing line `jest: N passed, N failed[, N skipped]` after everything Jest printed, so
 * that a CI log ends with a plain, machine-readable count.
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    let line = `jest: ${results.numPassedTests} passed, ${failed} failed`;
    if (skipped) line += `, ${skipped} skipped`;
    // Jest's own summary is written after reporters run; 'exit' comes after it.
    process.once('exit', () => process.stderr.write(`${line}\n`));
  }
}
module.exports = SummaryReporter;
