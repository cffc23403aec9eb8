// The cookie that moves the server's clock for one browser in end-to-end tests. Read only when the
// server runs with E2E_TEST_CLOCK=1 (lib/clock.ts); written by tests/e2e/support/clock.ts.
export const TEST_CLOCK_COOKIE = "yomikai-test-clock-offset";
