import { strict as assert } from 'node:assert';
import { formatDuration, parseDuration } from '../../src/engine/time/duration';
import { isLocalDateTime, luxonInstant, toInstant } from '../../src/engine/time/instant';

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

  it('reads timestamps without luxon exactly as luxon reads them, across every clock change', () => {
    const zones = [
      'Europe/London',
      'America/New_York',
      'Australia/Lord_Howe',
      'Asia/Kathmandu',
      'Pacific/Chatham',
      'UTC',
    ];
    const pad = (n: number, width = 2) => String(n).padStart(width, '0');
    const texts: string[] = [];
    // Every quarter hour of the days either side of London's and New York's changes in 2023 and 2024…
    for (const day of [
      '2023-03-26',
      '2023-10-29',
      '2024-03-31',
      '2024-10-27',
      '2024-03-10',
      '2024-11-03',
      '2024-04-07',
      '2024-10-06',
    ])
      for (let minutes = 0; minutes < 24 * 60; minutes += 15)
        texts.push(`${day}T${pad((minutes / 60) | 0)}:${pad(minutes % 60)}`);
    // …and seeded random times, seconds and fractions from 1972 to 2037, with and without offsets.
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 3000; i++) {
      const instant = Date.UTC(1972, 0, 1) + random() * (Date.UTC(2037, 0, 1) - Date.UTC(1972, 0, 1));
      const iso = new Date(instant).toISOString().slice(0, 23);
      const offset = ['', 'Z', '+01:00', '-0530', '+18:00'][i % 5];
      texts.push(i % 3 === 0 ? iso.slice(0, 16) + offset : iso + offset);
    }
    texts.push('2023-02-29T10:00', '2024-02-29T10:00', '2023-04-31T10:00', '2000-02-29T00:00', '2100-02-29T00:00');
    for (const zone of zones)
      for (const text of texts) assert.equal(toInstant(text, zone), luxonInstant(text, zone), `${text} in ${zone}`);
  });
});
