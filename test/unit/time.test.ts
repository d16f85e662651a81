import { strict as assert } from 'node:assert';
import { formatDuration, parseDuration } from '../../src/engine/time/duration';
import { isLocalDateTime, toInstant } from '../../src/engine/time/instant';

const HOUR = 3_600_000;

describe('timestamps and elapsed time', () => {
  it('reads a timestamp without an offset as Europe/London wall-clock time', () => {
    assert.equal(toInstant('2013-07-01T12:00'), Date.parse('2013-07-01T11:00:00Z')); // BST = UTC+1
    assert.equal(toInstant('2013-12-01T12:00'), Date.parse('2013-12-01T12:00:00Z')); // GMT
  });

  it('honours explicit offsets and Z', () => {
    assert.equal(toInstant('2013-07-01T12:00+02:00'), Date.parse('2013-07-01T10:00:00Z'));
    assert.equal(toInstant('2013-07-01T12:00:30.250Z'), Date.parse('2013-07-01T12:00:30.250Z'));
  });

  it('uses the configured zone for local times', () => {
    assert.equal(toInstant('2013-07-01T12:00', 'UTC'), Date.parse('2013-07-01T12:00:00Z'));
    assert.equal(toInstant('2013-07-01T12:00', 'America/New_York'), Date.parse('2013-07-01T16:00:00Z'));
  });

  it('measures elapsed time across the autumn clock change (24.5 h, not 23.5 h)', () => {
    const recorded = toInstant('2013-10-26T12:00')!; // BST
    const filed = toInstant('2013-10-27T11:30')!; // GMT, after clocks went back at 02:00 BST
    assert.equal((filed - recorded) / HOUR, 24.5);
  });

  it('measures elapsed time across the spring clock change (23 h wall-clock day)', () => {
    const recorded = toInstant('2013-03-30T12:00')!; // GMT
    const filed = toInstant('2013-03-31T12:00')!; // BST
    assert.equal((filed - recorded) / HOUR, 23);
  });

  it('places a wall-clock time in the spring-forward gap an hour later', () => {
    assert.equal(toInstant('2013-03-31T01:30'), Date.parse('2013-03-31T01:30:00Z'));
  });

  it('reads a repeated autumn wall-clock time as the first (summer-time) instant', () => {
    assert.equal(toInstant('2013-10-27T01:30'), Date.parse('2013-10-27T00:30:00Z'));
    assert.equal(toInstant('2013-10-27T01:30Z'), Date.parse('2013-10-27T01:30:00Z'));
    assert.equal(toInstant('2013-10-27T01:30+00:00'), Date.parse('2013-10-27T01:30:00Z'));
  });

  it('rejects anything that is not a real date-time', () => {
    for (const bad of [
      '2013-02-30T10:00',
      '2013-11-04',
      '04/11/2013 10:00',
      '2013-11-04T25:00',
      '',
      'yesterday',
      '2013-11-04 10:00',
    ]) {
      assert.equal(toInstant(bad), undefined, bad);
      assert.equal(isLocalDateTime(bad), false, bad);
    }
    for (const notText of [undefined, null, 20131104, {}, []]) assert.equal(toInstant(notText), undefined);
  });

  it('refuses 24:00 and offsets outside ±18:00, which would otherwise move an instant silently', () => {
    for (const bad of [
      '2013-11-04T24:00',
      '2013-11-04T10:00+25:00',
      '2013-11-04T10:00+99:99',
      '2013-11-04T10:00+14:60',
      '2013-11-04T10:00+9999',
      '2013-11-04T10:00-18:01',
      '2013-11-04T10:60',
    ]) {
      assert.equal(toInstant(bad), undefined, bad);
      assert.equal(isLocalDateTime(bad), false, bad);
    }
    assert.equal(toInstant('2013-11-04T10:00+18:00'), Date.parse('2013-11-03T16:00:00Z'));
    assert.equal(toInstant('2013-11-04T10:00-1800'), Date.parse('2013-11-05T04:00:00Z'));
    assert.equal(toInstant('2013-11-04T23:59:59.999+05:45'), Date.parse('2013-11-04T18:14:59.999Z'));
  });

  it('parses thresholds in friendly and ISO 8601 forms', () => {
    assert.equal(parseDuration('24h'), 24 * HOUR);
    assert.equal(parseDuration('72 hours'), 72 * HOUR);
    assert.equal(parseDuration('90m'), 1.5 * HOUR);
    assert.equal(parseDuration('3d'), 72 * HOUR);
    assert.equal(parseDuration('PT24H'), 24 * HOUR);
    assert.equal(parseDuration('P1DT12H'), 36 * HOUR);
    assert.equal(parseDuration('soon'), undefined);
  });

  it('formats spans for messages', () => {
    assert.equal(formatDuration(3 * HOUR + 5 * 60_000), '3 h 5 min');
    assert.equal(formatDuration(52 * HOUR), '2 d 4 h');
    assert.equal(formatDuration(0), '0 min');
    assert.equal(formatDuration(-2 * HOUR), '-2 h');
  });
});
