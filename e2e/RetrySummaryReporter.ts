import type { FullConfig, FullResult, Reporter, Suite, TestCase } from '@playwright/test/reporter';

/**
 * Ends the run with how many tests needed a retry (on CI a failed test runs once more), naming them: a test that
 * passes only the second time is flaky, and stays visible instead of hidden by a green run.
 */
export default class RetrySummaryReporter implements Reporter {
  private suite: Suite | undefined;

  onBegin(_config: FullConfig, suite: Suite): void {
    this.suite = suite;
  }

  onEnd(_result: FullResult): void {
    const tests = this.suite?.allTests() ?? [];
    const retried = tests.filter((test) => test.results.some((result) => result.retry > 0));
    console.log(`Playwright: ${tests.length} tests, ${retried.length} needed a retry`);
    for (const test of retried) console.log(`  ${outcome(test)}: ${test.titlePath().filter(Boolean).join(' › ')}`);
  }
}

function outcome(test: TestCase): string {
  return test.outcome() === 'flaky' ? 'passed on retry' : 'failed on retry too';
}
