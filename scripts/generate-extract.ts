/**
 * (Re)writes samples/rms-extract-northmoor/: a small synthetic RMS extract of two CSV tables (crimes
 * and their log), the dipsample-map/1 file that imports it and a plan to draw from it. Invented
 * people, places and references; the VICTIM_NAME and VICTIM_PHONE columns are there to show that
 * columns the map does not name never reach a crime file.
 *
 *   npx tsx scripts/generate-extract.ts           # write
 *   npx tsx scripts/generate-extract.ts --check   # verify the bundled extract is up to date
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { Random } from '../src/engine';

export const EXTRACT_DIR = path.resolve(__dirname, '..', 'samples', 'rms-extract-northmoor');
const CRIMES = 160;

const TYPES = [
  { code: 'BURG-DW', hocr: '28', text: 'Burglary in a dwelling' },
  { code: 'BURG-OT', hocr: '30', text: 'Burglary in a building other than a dwelling' },
  { code: 'ASLT-INJ', hocr: '8N', text: 'Assault with injury' },
  { code: 'TFMV', hocr: '45', text: 'Theft from a vehicle' },
  { code: 'CD', hocr: '58', text: 'Criminal damage' },
  { code: 'SHOP', hocr: '46', text: 'Shoplifting' },
];
const FIRST = ['Alex', 'Sam', 'Jo', 'Chris', 'Pat', 'Robin', 'Lee', 'Kim', 'Ash', 'Dana'];
const LAST = ['Hartley', 'Moorcroft', 'Pennant', 'Oakes', 'Fenwick', 'Ridley', 'Sowerby', 'Thwaite'];
const OFFICERS = ['PC 2231', 'PC 4410', 'DC 6138', 'PC 1187', 'PS 902'];

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
/** dd/MM/yyyy HH:mm, as the RMS exports. */
const rmsDate = (ms: number) => {
  const d = new Date(ms);
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
};

export function extractFiles(): Map<string, string> {
  const random = Random.fromSeed('rms-extract-northmoor');
  const crimes: string[][] = [
    [
      'CRIME_REF',
      'HO_CLASS',
      'HOCR',
      'OFFENCE_DESC',
      'REPORTED_DT',
      'RECORDED_DT',
      'ATTENDED',
      'DA_FLAG',
      'OIC_ID',
      'VICTIM_NAME',
      'VICTIM_PHONE',
      'FILED_DT',
      'OUTCOME',
    ],
  ];
  const log: string[][] = [['CRIME_REF', 'ENTRY_DT', 'AUTHOR_ID', 'AUTHOR_ROLE', 'ENTRY_TYPE', 'ENTRY_TEXT', 'CODES']];
  // Late October to early December 2013, as London wall-clock times (the clocks go back on 27 October): November is the period.
  const start = Date.UTC(2013, 9, 25);
  const span = Date.UTC(2013, 11, 6) - start;
  for (let i = 0; i < CRIMES; i++) {
    const type = TYPES[random.below(TYPES.length)];
    const reported = start + Math.floor((span * (i + random.below(1000) / 1000)) / CRIMES);
    const recorded = reported + (5 + random.below(120)) * 60_000;
    const attended = random.below(100) < 45 ? 'Y' : 'N';
    const oic = OFFICERS[random.below(OFFICERS.length)];
    const reference = `NM-13-${pad(50_000 + i * 37, 6)}`;
    const filed = random.below(100) < 70 ? recorded + (2 + random.below(400)) * 3_600_000 : undefined;
    crimes.push([
      reference,
      type.code,
      type.hocr,
      type.text,
      rmsDate(reported),
      rmsDate(recorded),
      attended,
      random.below(100) < 10 ? 'Y' : 'N',
      oic,
      `${FIRST[random.below(FIRST.length)]} ${LAST[random.below(LAST.length)]}`,
      `07700 9${pad(random.below(100_000), 5)}`,
      filed === undefined ? '' : rmsDate(filed),
      filed === undefined ? '' : String([1, 14, 16, 18][random.below(4)]),
    ]);
    let at = recorded;
    const entries = 1 + random.below(3);
    for (let e = 0; e < entries; e++) {
      at += (1 + random.below(30)) * 3_600_000;
      const kind = random.below(3);
      if (kind === 0)
        log.push([
          reference,
          rmsDate(at),
          'PS 902',
          'supervisor',
          'supervisor_review',
          'Reviewed. Lines of enquiry set.',
          '',
        ]);
      else if (kind === 1)
        log.push([
          reference,
          rmsDate(at),
          oic,
          'officer',
          'advice',
          'Crime prevention advice given by phone.',
          'CP;EP',
        ]);
      else
        log.push([
          reference,
          rmsDate(at),
          oic,
          'officer',
          'investigation_update',
          'CCTV enquiries made; none found.',
          '',
        ]);
    }
  }
  return new Map([
    ['crimes.csv', stringify(crimes)],
    ['log.csv', stringify(log)],
  ]);
}

if (require.main === module) {
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const [name, text] of extractFiles()) {
    const file = path.join(EXTRACT_DIR, name);
    let current: string | undefined;
    try {
      current = readFileSync(file, 'utf8');
    } catch {
      current = undefined;
    }
    if (current === text) continue;
    if (check) {
      console.error(`${file} is out of date: run npx tsx scripts/generate-extract.ts`);
      stale++;
    } else writeFileSync(file, text);
  }
  process.exitCode = stale ? 1 : 0;
}
