import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { recordFacts } from '../../src/engine/crimeFile';
import type { FileReport, RecordFacts } from '../../src/engine';
import {
  HOME_OFFICE_OUTCOMES,
  OUTCOME_GROUPS,
  outcomeGroupOf,
  outcomeTally,
  quantileSorted,
  spreadOf,
  timeliness,
  type SamplesJson,
} from '../../src/report';
import { REPO_ROOT, runCliCapturing } from './helpers';

const file = (name: string, facts: RecordFacts): FileReport => ({
  path: `/s/${name}.crime.yaml`,
  reference: name,
  facts,
  findings: [],
  results: [],
  syntaxError: false,
  schemaError: false,
});

describe('quartiles (type 7, as R and Excel compute them)', () => {
  it('matches R: quantile(1:10) and quantile(c(1, 3, 4, 10))', () => {
    const ten = Array.from({ length: 10 }, (_, i) => i + 1);
    // R: quantile(1:10) → 1, 3.25, 5.5, 7.75, 10; h = 9p, x[⌊h⌋] + frac · (next − x[⌊h⌋]).
    assert.deepEqual(
      [0, 0.25, 0.5, 0.75, 1].map((p) => quantileSorted(ten, p)),
      [1, 3.25, 5.5, 7.75, 10],
    );
    // R: quantile(c(1, 3, 4, 10), .25) = 2.5 (h = .75: 1 + .75 · 2), median 3.5, .75 → 5.5 (h = 2.25: 4 + .25 · 6).
    assert.deepEqual(spreadOf([10, 1, 4, 3]), { n: 4, median: 3.5, q1: 2.5, q3: 5.5 });
    assert.equal(spreadOf([]), undefined);
    assert.deepEqual(spreadOf([7]), { n: 1, median: 7, q1: 7, q3: 7 });
  });
});

describe('outcome groups of PEEL 2021/22 Table 1', () => {
  it('puts every Home Office outcome code in exactly one group; 9 (NPI, CPS) with the not-in-public-interest group', () => {
    for (const code of Object.keys(HOME_OFFICE_OUTCOMES).map(Number)) {
      const groups = OUTCOME_GROUPS.filter((group) => group.codes.includes(code));
      assert.equal(groups.length, 1, `outcome ${code}`);
    }
    assert.equal(outcomeGroupOf(9)?.id, 'preventedOrNotInPublicInterest');
    assert.equal(outcomeGroupOf(16)?.id, 'evidentialVictimDoesNotSupport');
    assert.equal(outcomeGroupOf(undefined)?.id, 'notAssigned');
    assert.equal(outcomeGroupOf(99), undefined);
    // The national shares of Table 1 add up to 100.0.
    assert.equal(Math.round(10 * OUTCOME_GROUPS.reduce((sum, group) => sum + group.national, 0)) / 10, 100);
  });

  it('tallies codes among the files with an outcome, groups among all crime files, and outcome 16', () => {
    const tally = outcomeTally([
      file('a', { kind: 'crime', outcomeCode: 16 }),
      file('b', { kind: 'crime', outcomeCode: 16 }),
      file('c', { kind: 'crime', outcomeCode: 1 }),
      file('d', { kind: 'crime', outcomeCode: 18 }),
      file('e', { kind: 'crime' }),
      file('f', { kind: 'named_suspect', outcomeCode: 1 }),
    ]);
    assert.equal(tally.files, 5);
    assert.equal(tally.withOutcome, 4);
    assert.deepEqual(
      tally.codes.map((row) => [row.code, row.files, row.of]),
      [
        [1, 1, 4],
        [16, 2, 4],
        [18, 1, 4],
      ],
    );
    assert.equal(tally.outcome16.percent, 50);
    // Wilson 2 of 4: centre (.5 + .4802)/(1.9604) = .5, half-width .3493 → 15.0–85.0.
    assert.equal(tally.outcome16.interval?.low.toFixed(1), '15.0');
    const groups = Object.fromEntries(tally.groups.map((group) => [group.id, group.files]));
    assert.equal(groups.evidentialVictimDoesNotSupport, 2);
    assert.equal(groups.notAssigned, 1);
    assert.equal(groups.broughtToJustice, 1);
  });
});

describe('timeliness: elapsed hours from the record, bands and quartiles', () => {
  it('measures between instants: across the October 2013 clock change, 19:40 to 19:10 next day is 24.5 hours', () => {
    const facts = recordFacts({
      reported_at: '2013-10-26T19:40:00',
      recorded_at: '2013-10-26T20:40:00',
      attendance: { status: 'attended', attended_at: '2013-10-26T23:00:00' },
      log: [
        { type: 'victim_contact', at: '2013-10-26T21:40:00' },
        { type: 'victim_contact', at: '2013-10-26T19:00:00' },
      ],
      filed: { at: '2013-10-27T19:10:00', outcome: { code: 18 } },
    });
    assert.equal(facts.hours?.toFiling, 24.5);
    assert.equal(facts.hours?.underInvestigation, 23.5);
    // First contact: the phone call at 21:40 (the entry before the report is not a contact about it).
    assert.equal(facts.hours?.toFirstContact, 2);
    assert.equal(facts.outcomeCode, 18);
    assert.equal(recordFacts({ reported_at: 'not a time', filed: { at: '2013-10-27T19:10:00' } }).hours, undefined);
  });

  it('puts time to filing in bands: under 24 hours, 1 to 7 days (24 h and 168 h included), over 7 days', () => {
    const hours = [1, 23.99, 24, 100, 168, 168.01];
    const [all] = timeliness(hours.map((h, i) => file(`f${i}`, { kind: 'crime', hours: { toFiling: h } })));
    assert.deepEqual(
      Object.values(all.rows[0].bands).map((band) => band.files),
      [2, 3, 1],
    );
    assert.equal(all.rows[0].bands.under24h.of, 6);
    assert.equal(all.rows[0].measures.toFiling?.median, 62);
  });
});

describe('dipsample report: outcomes and timeliness sections', function () {
  this.timeout(60_000);
  it('prints both in Markdown and carries them in the JSON', async () => {
    const sample = path.join('samples', 'hmic-2014-northmoor');
    const markdown = await runCliCapturing(['report', sample], REPO_ROOT);
    assert.match(markdown.stdout, /## Outcomes\n/);
    assert.match(markdown.stdout, /\| Not yet assigned an outcome \| [\d.]+% \([\d.]+–[\d.]+\), \d+ of 100 \| 2\.9 \|/);
    assert.match(markdown.stdout, /## Timeliness\n\n### All files\n/);
    const json = JSON.parse((await runCliCapturing(['report', sample, '-f', 'json'], REPO_ROOT)).stdout) as SamplesJson;
    const outcomes = json.samples[0].outcomes;
    assert.equal(outcomes.files, 100);
    assert.equal(
      outcomes.groups.reduce((sum, group) => sum + group.files, 0),
      100,
      'every crime file is in one group',
    );
    const all = json.samples[0].timeliness[0].rows[0];
    assert.equal(
      Object.values(all.bands).reduce((sum, band) => sum + band.files, 0),
      all.measures.toFiling?.n,
    );
  });
});
