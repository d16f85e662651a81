import { strict as assert } from 'node:assert';
import { compilePredicate, FUNCTIONS, OptionError, type CheckResult } from '../../src/engine/functions';

function run(name: string, options: Record<string, unknown>, record: unknown, timeZone = 'Europe/London'): CheckResult {
  return FUNCTIONS.get(name)!.prepare(options)({ record, timeZone });
}

function failurePaths(result: CheckResult) {
  assert.equal(result.outcome, 'failed');
  return result.outcome === 'failed' ? result.failures.map((f) => f.path) : [];
}

describe('check functions', () => {
  describe('present', () => {
    const options = { path: 'investigation_plan.lines_of_enquiry' };
    it('passes when the field has content', () => {
      assert.deepEqual(run('present', options, { investigation_plan: { lines_of_enquiry: [{ action: 'x' }] } }), {
        outcome: 'passed',
      });
    });
    it('fails at the missing field path', () => {
      assert.deepEqual(failurePaths(run('present', options, { investigation_plan: {} })), [
        ['investigation_plan', 'lines_of_enquiry'],
      ]);
      assert.deepEqual(failurePaths(run('present', options, {})), [['investigation_plan', 'lines_of_enquiry']]);
    });
    it('fails on empty lists, blank text and null unless nonEmpty is false', () => {
      for (const empty of [[], '  ', null, {}]) {
        assert.equal(run('present', options, { investigation_plan: { lines_of_enquiry: empty } }).outcome, 'failed');
        assert.equal(
          run('present', { ...options, nonEmpty: false }, { investigation_plan: { lines_of_enquiry: empty } }).outcome,
          'passed',
        );
      }
    });
    it('copes with a record that is not a map', () => {
      assert.equal(run('present', options, 'just text').outcome, 'failed');
      assert.equal(run('present', options, null).outcome, 'failed');
    });
  });

  describe('count', () => {
    const reviews = {
      path: 'log',
      where: {
        all: [
          { path: 'type', equals: 'supervisor_review' },
          { path: 'author.id', differentFrom: 'officer_in_case.id' },
        ],
      },
      min: 1,
    };
    const record = (authors: string[]) => ({
      officer_in_case: { id: 'PC 1' },
      log: authors.map((id) => ({ type: 'supervisor_review', author: { id } })),
    });
    it('counts matching items against min', () => {
      assert.equal(run('count', reviews, record(['PS 2'])).outcome, 'passed');
      assert.deepEqual(failurePaths(run('count', reviews, record(['PC 1']))), [['log']]);
    });
    it('reports the count and bounds for messages', () => {
      const result = run('count', { ...reviews, min: 2 }, record(['PS 2', 'PC 1']));
      assert.equal(result.outcome, 'failed');
      if (result.outcome === 'failed') {
        assert.equal(result.failures[0].data.count, 1);
        assert.equal(result.failures[0].data.min, 2);
        assert.match(result.failures[0].message, /Only 1 matching entries in `log` \(at least 2 required\)/);
      }
    });
    it('enforces max', () => {
      assert.equal(run('count', { path: 'log', max: 1 }, record(['a', 'b'])).outcome, 'failed');
      assert.equal(run('count', { path: 'log', max: 2 }, record(['a', 'b'])).outcome, 'passed');
    });
    it('treats a missing or non-list field as zero items', () => {
      assert.deepEqual(failurePaths(run('count', reviews, { officer_in_case: { id: 'PC 1' } })), [['log']]);
      assert.deepEqual(failurePaths(run('count', reviews, { log: 'reviewed' })), [['log']]);
    });
    it('rejects min above max when prepared', () => {
      assert.throws(() => FUNCTIONS.get('count')!.prepare({ path: 'log', min: 3, max: 1 }), OptionError);
    });
  });

  describe('elapsed', () => {
    const options = { from: 'recorded_at', to: 'filed.at', min: '24h' };
    it('fails when the span is shorter than min, at the end timestamp', () => {
      const result = run('elapsed', options, { recorded_at: '2013-11-04T10:00', filed: { at: '2013-11-04T13:00' } });
      assert.deepEqual(failurePaths(result), [['filed', 'at']]);
      if (result.outcome === 'failed') assert.equal(result.failures[0].data.elapsed, '3 h');
    });
    it('passes at exactly the threshold and across the clock change by elapsed time', () => {
      assert.equal(
        run('elapsed', options, { recorded_at: '2013-11-04T10:00', filed: { at: '2013-11-05T10:00' } }).outcome,
        'passed',
      );
      // 24.5 h elapsed though the wall clock shows 23.5 h
      assert.equal(
        run('elapsed', options, { recorded_at: '2013-10-26T12:00', filed: { at: '2013-10-27T11:30' } }).outcome,
        'passed',
      );
      // 23 h elapsed though the wall clock shows 24 h
      assert.equal(
        run('elapsed', options, { recorded_at: '2013-03-30T12:00', filed: { at: '2013-03-31T12:00' } }).outcome,
        'failed',
      );
    });
    it('enforces max', () => {
      const slow = { recorded_at: '2013-11-04T10:00', filed: { at: '2013-11-10T10:00' } };
      assert.equal(run('elapsed', { from: 'recorded_at', to: 'filed.at', max: '3d' }, slow).outcome, 'failed');
      assert.equal(run('elapsed', { from: 'recorded_at', to: 'filed.at', max: 'P7D' }, slow).outcome, 'passed');
    });
    it('is not applicable when a timestamp is missing or unreadable', () => {
      assert.equal(run('elapsed', options, { recorded_at: '2013-11-04T10:00' }).outcome, 'notApplicable');
      assert.equal(
        run('elapsed', options, { recorded_at: 'last Tuesday', filed: { at: '2013-11-04T13:00' } }).outcome,
        'notApplicable',
      );
      assert.equal(
        run('elapsed', options, { recorded_at: 42, filed: { at: '2013-11-04T13:00' } }).outcome,
        'notApplicable',
      );
    });
    it('rejects durations it cannot read when prepared', () => {
      assert.throws(
        () => FUNCTIONS.get('elapsed')!.prepare({ from: 'a', to: 'b', min: 'a day' }),
        (e: OptionError) => e.optionPath[0] === 'min',
      );
    });
  });

  describe('enumeration', () => {
    const options = { path: 'victims[*].needs_assessment.method', values: ['phone', 'visit'] };
    it('fails each value outside the set, at that value', () => {
      const record = {
        victims: [{ needs_assessment: { method: 'phone' } }, { needs_assessment: { method: 'pigeon' } }],
      };
      assert.deepEqual(failurePaths(run('enumeration', options, record)), [
        ['victims', 1, 'needs_assessment', 'method'],
      ]);
    });
    it('passes a missing value unless required', () => {
      assert.equal(run('enumeration', options, {}).outcome, 'passed');
      assert.equal(run('enumeration', { ...options, required: true }, {}).outcome, 'failed');
    });
  });

  describe('pattern', () => {
    it('flags text that matches notMatch, case-insensitively with flags', () => {
      const result = run(
        'pattern',
        { path: 'log[*].text', notMatch: 'victim to check cctv', flags: 'i' },
        {
          log: [{ text: 'Advised victim to check CCTV and neighbours.' }, { text: 'Attended.' }],
        },
      );
      assert.deepEqual(failurePaths(result), [['log', 0, 'text']]);
    });
    it('flags text that does not match match', () => {
      assert.equal(
        run('pattern', { path: 'reference', match: '^NM/\\d{2}/\\d+$' }, { reference: 'NM/13/12' }).outcome,
        'passed',
      );
      assert.equal(
        run('pattern', { path: 'reference', match: '^NM/\\d{2}/\\d+$' }, { reference: 'X1' }).outcome,
        'failed',
      );
    });
    it('rejects a malformed regular expression when prepared', () => {
      assert.throws(
        () => FUNCTIONS.get('pattern')!.prepare({ path: 'reference', match: '(' }),
        /Invalid regular expression/,
      );
    });
  });

  describe('predicates', () => {
    const record = {
      domestic_abuse: true,
      classification: { category: 'stalking' },
      victims: [{ vulnerable: false }, { vulnerable: true }],
      log: [{ type: 'advice', advice: ['safety', 'crime_prevention'] }],
    };
    const holds = (predicate: object, subject: unknown = record) =>
      compilePredicate(predicate as never)(subject, record);
    it('tests equality, sets and presence', () => {
      assert.equal(holds({ path: 'domestic_abuse', equals: true }), true);
      assert.equal(holds({ path: 'classification.category', in: ['stalking', 'harassment'] }), true);
      assert.equal(holds({ path: 'classification.category', notIn: ['stalking'] }), false);
      assert.equal(holds({ path: 'filed.at', present: false }), true);
      assert.equal(holds({ path: 'filed.at', present: true }), false);
    });
    it('holds when any value a wildcard reaches satisfies it', () => {
      assert.equal(holds({ path: 'victims[*].vulnerable', equals: true }), true);
      assert.equal(holds({ path: 'victims[*].vulnerable', equals: 'yes' }), false);
    });
    it('tests list contents and text patterns', () => {
      assert.equal(holds({ path: 'log[*].advice', containsAny: ['evidence_preservation', 'crime_prevention'] }), true);
      assert.equal(holds({ path: 'log[*].advice', containsAll: ['safety', 'evidence_preservation'] }), false);
      assert.equal(holds({ path: 'classification.category', matches: '^STALK', flags: 'i' }), true);
    });
    it('combines with all, any and not', () => {
      assert.equal(
        holds({ all: [{ path: 'domestic_abuse', equals: true }, { not: { path: 'filed.at', present: true } }] }),
        true,
      );
      assert.equal(
        holds({
          any: [
            { path: 'domestic_abuse', equals: false },
            { path: 'classification.category', equals: 'rape' },
          ],
        }),
        false,
      );
    });
    it('compares with another field of the whole record', () => {
      const oic = { officer_in_case: { id: 'PC 1' } };
      assert.equal(
        compilePredicate({ path: 'author.id', differentFrom: 'officer_in_case.id' })({ author: { id: 'PC 1' } }, oic),
        false,
      );
      assert.equal(
        compilePredicate({ path: 'author.id', sameAs: 'officer_in_case.id' })({ author: { id: 'PC 1' } }, oic),
        true,
      );
    });
    it('locates bad paths and regexes when compiled', () => {
      assert.throws(
        () => compilePredicate({ all: [{ path: 'a[', equals: 1 }] }),
        (e: OptionError) => e.optionPath.join('/') === 'all/0/path',
      );
      assert.throws(
        () => compilePredicate({ path: 'a', matches: '[' }),
        (e: OptionError) => e.optionPath.join('/') === 'matches',
      );
    });
  });
});
