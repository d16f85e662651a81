import { strict as assert } from 'node:assert';
import { get, intendedPath, isValidPath, parsePath, select } from '../../src/engine/path';

describe('field paths', () => {
  const record = {
    investigation_plan: {
      lines_of_enquiry: [
        { action: 'CCTV', status: 'completed' },
        { action: 'H2H', status: 'outstanding' },
      ],
    },
    log: [{ type: 'note' }, { type: 'advice', advice: ['safety'] }],
  };

  it('parses keys, indexes and wildcards', () => {
    assert.deepEqual(parsePath('log[*].author.id'), [{ key: 'log' }, { each: true }, { key: 'author' }, { key: 'id' }]);
    assert.deepEqual(parsePath('victims[0].id'), [{ key: 'victims' }, { index: 0 }, { key: 'id' }]);
    assert.deepEqual(parsePath(''), []);
  });

  it('rejects malformed paths', () => {
    for (const bad of ['log[', 'log[x]', 'a..b', '.a', 'a.']) assert.equal(isValidPath(bad), false, bad);
    assert.throws(() => parsePath('log[x]'), /Invalid path "log\[x\]"/);
  });

  it('selects every value a wildcard reaches, with concrete paths', () => {
    assert.deepEqual(select(record, 'investigation_plan.lines_of_enquiry[*].status'), [
      { path: ['investigation_plan', 'lines_of_enquiry', 0, 'status'], value: 'completed' },
      { path: ['investigation_plan', 'lines_of_enquiry', 1, 'status'], value: 'outstanding' },
    ]);
    assert.equal(get(record, 'log[1].advice[0]'), 'safety');
  });

  it('reaches nothing through missing fields or wrong types', () => {
    assert.deepEqual(select(record, 'filed.at'), []);
    assert.deepEqual(select(record, 'log.type'), []);
    assert.deepEqual(select({ log: 'not a list' }, 'log[*].type'), []);
    assert.deepEqual(select(null, 'a.b'), []);
  });

  it('names the intended path of a missing field up to the first wildcard', () => {
    assert.deepEqual(intendedPath('filed.outcome.code'), ['filed', 'outcome', 'code']);
    assert.deepEqual(intendedPath('log[*].text'), ['log']);
  });
});
