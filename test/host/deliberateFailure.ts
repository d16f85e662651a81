// Added to every host suite by runner.ts. Skipped unless DIPSAMPLE_FORCE_FAIL=1: then it fails, to
// prove that a failure inside the extension host reaches the harness's exit status.
import * as assert from 'assert';

describe('harness self-check', () => {
  it('deliberate failure (only when DIPSAMPLE_FORCE_FAIL=1)', function () {
    if (process.env.DIPSAMPLE_FORCE_FAIL !== '1') this.skip();
    assert.strictEqual(1 + 1, 3, 'this test is meant to fail when DIPSAMPLE_FORCE_FAIL=1');
  });
});
