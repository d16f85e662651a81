import { strict as assert } from 'node:assert';
import { fnv1a64, Random, SplitMix64 } from '../../src/engine/sampling/prng';

// Output vectors of the reference C implementations (splitmix64.c, xoshiro128starstar.c by Vigna),
// compiled and run once; FNV-1a 64 of "a" is the published test vector.
describe('the draw PRNG', () => {
  it('FNV-1a 64 matches the published vectors', () => {
    assert.equal(fnv1a64('').toString(16), 'cbf29ce484222325');
    assert.equal(fnv1a64('a').toString(16), 'af63dc4c8601ec8c');
    assert.equal(fnv1a64('20140903').toString(16), 'c535e5c585999594');
  });

  it('SplitMix64 from 0 matches the reference output', () => {
    const mix = new SplitMix64(0n);
    assert.deepEqual(
      [mix.next(), mix.next(), mix.next()].map((n) => n.toString(16).padStart(16, '0')),
      ['e220a8397b1dcdaf', '6e789e6aa1b965f4', '06c45d188009454f'],
    );
  });

  it('xoshiro128** from state 1,2,3,4 matches the reference output', () => {
    const random = new Random([1, 2, 3, 4]);
    assert.deepEqual(
      Array.from({ length: 6 }, () => random.nextUint32()),
      [11520, 0, 5927040, 70819200, 2031721883, 1637235492],
    );
  });

  it('a seed names one stream: FNV-1a of its text, SplitMix64 twice, xoshiro128**', () => {
    const random = Random.fromSeed(20140903);
    assert.deepEqual(
      Array.from({ length: 5 }, () => random.nextUint32()),
      [3570255180, 3502212083, 3968438177, 3226713861, 3815102103],
    );
    assert.equal(Random.fromSeed('20140903').nextUint32(), 3570255180, 'a number seeds as its decimal text');
  });

  it('draws integers below a bound without bias, BigInt bounds too', () => {
    const random = Random.fromSeed('uniform');
    const counts = [0, 0, 0];
    for (let i = 0; i < 30_000; i++) counts[random.below(3)]++;
    for (const count of counts) assert.ok(Math.abs(count - 10_000) < 400, `${counts.join(',')}`);
    const big = 10n ** 30n + 7n;
    for (let i = 0; i < 200; i++) {
      const value = random.belowBig(big);
      assert.ok(value >= 0n && value < big);
    }
    assert.throws(() => random.below(0), RangeError);
  });
});
