import { strict as assert } from 'node:assert';
import { parsePlan, Random, SampleDraw, UnsatisfiablePlan, type SamplePlan } from '../../src/engine';
import { allocate, chooseOrdinals } from '../../src/engine/sampling/allocation';
import { lines } from './helpers';

const PLAN = lines(
  'format: dip-sample/1',
  'name: test plan',
  'period: { from: "2013-11-01", to: "2013-11-30", basis: reported }',
  'size: 10',
  'selection:',
  '  method: stratified_random',
  '  seed: 20140903',
  '  population: { classification.category: [burglary_dwelling, criminal_damage, burglary_other] }',
  '  strata:',
  '    - { description: burglary dwelling, filter: { classification.category: burglary_dwelling }, size: 4 }',
  '    - { description: criminal damage, filter: { classification.category: criminal_damage }, size: 3 }',
  '  constraints:',
  '    - { description: at least 5 not attended, filter: { attendance.status: not_attended }, atLeast: 5 }',
);

function plan(text = PLAN): SamplePlan {
  const parsed = parsePlan(text, 'plan.yaml');
  assert.deepEqual(parsed.problems, []);
  return parsed.plan as SamplePlan;
}

interface TestRecord {
  reference: string;
  reported_at: string;
  classification: { category: string };
  attendance: { status: string };
}

function frame(
  count: number,
  random: Random,
  categories = ['burglary_dwelling', 'criminal_damage', 'burglary_other', 'other'],
): TestRecord[] {
  return Array.from({ length: count }, (_, i) => ({
    reference: `R-${i}`,
    reported_at: `2013-11-${String(1 + random.below(30)).padStart(2, '0')}T12:00:00`,
    classification: { category: categories[random.below(categories.length)] },
    attendance: { status: random.below(4) === 0 ? 'not_attended' : 'attended' },
  }));
}

function drawFrom(sample: SamplePlan, records: readonly unknown[]): string[] {
  const draw = new SampleDraw(sample);
  for (const record of records) draw.count(record);
  return draw.allocate().map((d) => d.reference);
}

describe('sampling plans', () => {
  it('reads a dip-sample/1 plan: strata, quotas, population, period, seed', () => {
    const p = plan();
    assert.equal(p.method, 'stratified_random');
    assert.equal(p.size, 10);
    assert.equal(p.strata.length, 2);
    assert.deepEqual(
      [...p.population.get('classification.category')!],
      ['burglary_dwelling', 'criminal_damage', 'burglary_other'],
    );
    assert.equal(p.quotas[0].atLeast, 5);
  });

  it('locates what a draw cannot execute', () => {
    const problems = (text: string) =>
      parsePlan(text, 'plan.yaml').problems.map((p) => `${p.range.start.line + 1}: ${p.code}: ${p.message}`);
    assert.match(problems(PLAN.replace('seed: 20140903', 'x_seed: 1')).join('\n'), /5: bad-plan: .*no seed/);
    assert.match(problems(PLAN.replace('stratified_random', 'purposive')).join('\n'), /6: bad-plan: .*not purposive/);
    assert.match(
      problems(PLAN.replace('size: 4 }', 'size: 9 }')).join('\n'),
      /4: bad-plan: .*strata add up to 12, more than the size 10/,
    );
    assert.match(
      problems(PLAN.replace('atLeast: 5', 'atLeast: 50')).join('\n'),
      /13: bad-plan: .*asks 50, more than the size 10/,
    );
    assert.match(
      problems(PLAN.replace('{ attendance.status:', '{ "attendance..status":')).join('\n'),
      /13: bad-plan: .*not a field path: attendance..status/,
    );
    assert.match(
      problems(PLAN.replace('"2013-11-30"', '"2013-10-30"')).join('\n'),
      /3: bad-plan: .*ends \(2013-10-30\) before it starts/,
    );
    assert.match(problems(PLAN.replace('size: 10', 'size: ten')).join('\n'), /4: bad-value: .*size/);
    assert.match(problems('size: [').join('\n'), /syntax/);
  });

  it('never throws on hostile plans', () => {
    for (const text of [
      '',
      '~',
      '[]',
      '&a [*a]',
      'selection: 5',
      'selection: { strata: 7 }',
      `${'['.repeat(500)}`,
      'a: *b',
    ])
      assert.ok(parsePlan(text, 'plan.yaml').problems.length > 0, text);
  });
});

describe('drawing a sample', () => {
  it('meets exact strata and quotas, and repeats with the same seed', () => {
    const records = frame(400, Random.fromSeed('frame'));
    const first = drawFrom(plan(), records);
    assert.equal(first.length, 10);
    assert.deepEqual(drawFrom(plan(), records), first, 'same frame + seed = same sample');
    assert.notDeepEqual(drawFrom(plan(PLAN.replace('20140903', '7')), records), first);
    const byRef = new Map(records.map((r) => [r.reference, r]));
    const drawn = first.map((ref) => byRef.get(ref)!);
    assert.equal(drawn.filter((r) => r.classification.category === 'burglary_dwelling').length, 4);
    assert.equal(drawn.filter((r) => r.classification.category === 'criminal_damage').length, 3);
    assert.equal(drawn.filter((r) => r.classification.category === 'burglary_other').length, 3);
    assert.ok(drawn.filter((r) => r.attendance.status === 'not_attended').length >= 5);
  });

  it('refuses a plan the frame cannot meet, naming the stratum or quota with its counts', () => {
    const records = frame(30, Random.fromSeed('small'), ['burglary_dwelling', 'criminal_damage']);
    const draw = new SampleDraw(plan());
    for (const record of records) draw.count(record);
    assert.throws(
      () => draw.allocate(),
      (error: unknown) =>
        error instanceof UnsatisfiablePlan &&
        /the rest of the sample \(size 10 less the strata: 3\) needs 3 eligible records in no stratum, the frame has 0/.test(
          error.message,
        ),
    );
    const few = new SampleDraw(plan(PLAN.replace('atLeast: 5', 'atLeast: 9')));
    for (const record of frame(40, Random.fromSeed('few')))
      few.count({ ...record, attendance: { status: 'attended' } });
    assert.throws(() => few.allocate(), /quota "at least 5 not attended" needs at least 9, the frame has 0 eligible/);
  });

  it('says so when strata overlap', () => {
    const overlapping = plan(
      PLAN.replace(
        'filter: { classification.category: criminal_damage }',
        'filter: { reported_at: "2013-11-02T12:00:00" }',
      ),
    );
    const draw = new SampleDraw(overlapping);
    const placement = draw.count({
      reference: 'X',
      reported_at: '2013-11-02T12:00:00',
      classification: { category: 'burglary_dwelling' },
    });
    assert.deepEqual(placement, { eligible: false, reason: 'overlap', groups: [0, 1] });
  });

  it('leaves out records outside the period, outside the population or without a reference', () => {
    const draw = new SampleDraw(plan());
    const base = { reference: 'A', reported_at: '2013-11-05T10:00', classification: { category: 'burglary_dwelling' } };
    assert.equal(draw.count(base).eligible, true);
    assert.deepEqual(draw.count({ ...base, reported_at: '2013-12-01T00:30' }), { eligible: false, reason: 'period' });
    assert.deepEqual(
      draw.count({ ...base, reported_at: '2013-11-30T23:30:00Z' }),
      { eligible: true, reference: 'A', group: 0, quotas: 0 },
      '23:30 UTC on 30 Nov is 30 Nov in London (GMT)',
    );
    assert.deepEqual(
      draw.count({ ...base, reported_at: '2013-10-31T23:30:00-01:00' }),
      { eligible: true, reference: 'A', group: 0, quotas: 0 },
      'an offset places it: 00:30 on 1 Nov in London',
    );
    assert.deepEqual(draw.count({ ...base, classification: { category: 'rape' } }), {
      eligible: false,
      reason: 'population',
    });
    assert.deepEqual(draw.count({ ...base, reference: undefined }), { eligible: false, reason: 'no-reference' });
  });
});

describe('allocation: every sample meeting the plan equally likely', () => {
  it('gives each record of a cell the same chance (Floyd)', () => {
    const random = Random.fromSeed('floyd');
    const hits = new Array<number>(10).fill(0);
    for (let i = 0; i < 20_000; i++) for (const ordinal of chooseOrdinals(10, 3, random)) hits[ordinal]++;
    for (const n of hits) assert.ok(Math.abs(n - 6000) < 300, hits.join(','));
  });

  it('weighs count vectors by the number of samples they stand for', () => {
    // One group of 2 from cells {quota: 2 records, other: 2 records}, at least 1 matching the quota.
    // Samples: C(4,2)=6, less the one with both "other" = 5; of them 4 have one quota record, 1 has two.
    const random = Random.fromSeed('weights');
    let two = 0;
    const runs = 20_000;
    for (let i = 0; i < runs; i++) {
      const result = allocate({ sizes: [2], atLeast: [1], counts: [[2, 2]] }, random)!;
      assert.equal(result[0][0] + result[0][1], 2);
      assert.ok(result[0][1] >= 1);
      if (result[0][1] === 2) two++;
    }
    assert.ok(Math.abs(two / runs - 1 / 5) < 0.015, String(two / runs));
  });

  it('is exact across strata: a quota shared by two strata', () => {
    // Strata A (size 1: cells q=1, other=1) and B (size 1: q=1, other=1), at least 1 q: 3 of the 4 samples.
    const random = Random.fromSeed('shared');
    const seen = new Map<string, number>();
    for (let i = 0; i < 12_000; i++) {
      const r = allocate(
        {
          sizes: [1, 1],
          atLeast: [1],
          counts: [
            [1, 1],
            [1, 1],
          ],
        },
        random,
      )!;
      const key = JSON.stringify(r);
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    assert.equal(seen.size, 3);
    for (const n of seen.values()) assert.ok(Math.abs(n - 4000) < 250, JSON.stringify([...seen]));
  });

  it('property: seeded random plans and frames, every draw meets its plan or is refused for a real shortfall', function () {
    this.timeout(60_000);
    const random = Random.fromSeed('property');
    const categories = ['a', 'b', 'c', 'd'];
    let refused = 0;
    for (let run = 0; run < 150; run++) {
      const strataCount = random.below(4);
      const sizes = Array.from({ length: strataCount }, () => 1 + random.below(5));
      const size = sizes.reduce((s, n) => s + n, 0) + random.below(5) + (strataCount === 0 ? 1 : 0);
      const quotaCount = random.below(3);
      const quotas = Array.from({ length: quotaCount }, (_, q) => ({
        value: q === 0 ? 'yes' : 'high',
        atLeast: 1 + random.below(Math.min(size, 6)),
      }));
      const text = lines(
        'format: dip-sample/1',
        'name: property',
        `size: ${size}`,
        'selection:',
        `  method: ${strataCount ? 'stratified_random' : 'simple_random'}`,
        `  seed: ${run}`,
        ...(strataCount
          ? [
              '  strata:',
              ...sizes.map(
                (n, s) => `    - { description: s${s}, filter: { category: ${categories[s]} }, size: ${n} }`,
              ),
            ]
          : []),
        ...(quotaCount
          ? [
              '  constraints:',
              ...quotas.map(
                (q, i) =>
                  `    - { description: q${i}, filter: { ${i === 0 ? 'flag' : 'level'}: ${q.value} }, atLeast: ${q.atLeast} }`,
              ),
            ]
          : []),
      );
      const parsed = parsePlan(text, 'p.yaml');
      assert.deepEqual(parsed.problems, [], text);
      const records = Array.from({ length: 5 + random.below(40) }, (_, i) => ({
        reference: `R${i}`,
        category: categories[random.below(categories.length)],
        flag: random.below(3) === 0 ? 'yes' : 'no',
        level: random.below(2) === 0 ? 'high' : 'low',
      }));
      const draw = new SampleDraw<(typeof records)[number]>(parsed.plan!);
      for (const record of records) draw.count(record, record);
      let taken: typeof records;
      try {
        taken = draw.allocate().map((drawn) => drawn.item);
      } catch (error) {
        assert.ok(error instanceof UnsatisfiablePlan, String(error));
        // A refusal names a real shortfall: the counts it gives are those of the frame.
        for (const reason of error.reasons) {
          const counts = /needs (?:at least )?(\d+).*?(?:has|at most) (\d+)/.exec(reason);
          if (counts) assert.ok(Number(counts[2]) < Number(counts[1]), reason);
          else assert.match(reason, /cannot be met together/);
        }
        refused++;
        continue;
      }
      assert.equal(new Set(taken.map((r) => r.reference)).size, size, text);
      sizes.forEach((n, s) =>
        assert.equal(taken.filter((r) => r.category === categories[s]).length, n, `stratum ${s}\n${text}`),
      );
      quotas.forEach((q, i) =>
        assert.ok(
          taken.filter((r) => (i === 0 ? r.flag : r.level) === q.value).length >= q.atLeast,
          `quota ${i}\n${text}`,
        ),
      );
    }
    assert.ok(refused < 100, `${refused} of 150 refused: too few draws to say much`);
  });

  it('end to end (reservoirs, allocation, choice): every pair of a six-record frame equally likely', () => {
    const records = Array.from({ length: 6 }, (_, i) => ({ reference: `R${i}` }));
    const seen = new Map<string, number>();
    const runs = 6000;
    for (let seed = 0; seed < runs; seed++) {
      const text = lines(
        'format: dip-sample/1',
        'name: pairs',
        'size: 2',
        `selection: { method: simple_random, seed: ${seed} }`,
      );
      const draw = new SampleDraw(plan(text));
      for (const record of records) draw.count(record);
      const key = draw
        .allocate()
        .map((d) => d.reference)
        .sort()
        .join('+');
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    assert.equal(seen.size, 15);
    for (const n of seen.values()) assert.ok(Math.abs(n - runs / 15) < 90, JSON.stringify([...seen]));
  });
});
