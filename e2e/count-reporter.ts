/**
 * Playwright reporter that ends the run with the line `npm test` reads: `e2e: N passed, N failed`.
 * An error outside any test (a web server that does not start, a spec that fails to load)
 * counts as one failure, so a broken run cannot pass as green.
 */
import type {
  FullResult,
  Reporter,
  TestCase,
  TestError,
  TestResult,
} from '@playwright/test/reporter';

export default class CountReporter implements Reporter {
  private readonly outcomes = new Map<string, ReturnType<TestCase['outcome']>>();
  private globalErrors = 0;

  onTestEnd(test: TestCase, _result: TestResult): void {
    this.outcomes.set(test.id, test.outcome());
  }

  onError(_error: TestError): void {
    this.globalErrors += 1;
  }

  onEnd(result: FullResult): void {
    let passed = 0;
    let failed = this.globalErrors;
    for (const outcome of this.outcomes.values()) {
      if (outcome === 'expected') passed += 1;
      else if (outcome === 'unexpected' || outcome === 'flaky') failed += 1;
    }
    if (result.status !== 'passed' && failed === 0) failed = 1;
    process.stdout.write(`e2e: ${passed} passed, ${failed} failed\n`);
  }

  printsToStdio(): boolean {
    return false;
  }
}
