/**
 * (Re)write the bundled synthetic dip-samples, or generate a large sample elsewhere.
 *
 *   npx tsx scripts/generate-samples.ts                 # samples/hmic-2014-northmoor, training-basics, peel-2122-victim-service,
 *                                                       # hmic-2014-lancashire-unattended, hmic-2014-lancashire-suspects,
 *                                                       # peel-2017-file-review
 *   npx tsx scripts/generate-samples.ts --check         # verify the bundled samples are up to date
 *   npx tsx scripts/generate-samples.ts --out DIR --count 10000 [--seed S] [--force NAME]
 *                                       [--from YYYY-MM-DD --to YYYY-MM-DD] [--json-ratio 0.1]
 *
 * Writing is idempotent: stale `*.crime.*` files in the target folder are deleted first (and
 * nothing else), then the manifest `sample.yaml` and the crime files are written.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  generateLancashireSuspectsSample,
  generateLancashireUnattendedSample,
  generateTrainingSample,
  HMIC_2014_NORTHMOOR,
  iteratePeel2017Sample,
  iteratePeel2122Sample,
  iterateSample,
  largeSampleSpec,
  manifestText,
  type GeneratedFile,
} from './generator';

const ROOT = resolve(__dirname, '..');
const MANIFEST = 'sample.yaml';
const CRIME_FILE = /\.crime\./;

interface SampleOutput {
  dir: string;
  manifest: object;
  /** Generated lazily for large samples: written as they are produced. */
  files: Iterable<GeneratedFile>;
  /** Review files (an answer key), names relative to the sample folder (`reviews/…`). */
  reviews?: readonly GeneratedFile[];
}

function bundledSamples(): SampleOutput[] {
  return [
    { dir: join(ROOT, 'samples', 'hmic-2014-northmoor'), ...iterateSample(HMIC_2014_NORTHMOOR) },
    { dir: join(ROOT, 'samples', 'training-basics'), ...generateTrainingSample() },
    { dir: join(ROOT, 'samples', 'hmic-2014-lancashire-unattended'), ...generateLancashireUnattendedSample() },
    { dir: join(ROOT, 'samples', 'hmic-2014-lancashire-suspects'), ...generateLancashireSuspectsSample() },
    { dir: join(ROOT, 'samples', 'peel-2122-victim-service'), ...iteratePeel2122Sample() },
    { dir: join(ROOT, 'samples', 'peel-2017-file-review'), ...iteratePeel2017Sample() },
  ];
}

/** Delete stale crime files, then write the manifest and the files (as they are generated). */
function write(out: SampleOutput): number {
  mkdirSync(out.dir, { recursive: true });
  for (const name of readdirSync(out.dir)) if (CRIME_FILE.test(name)) unlinkSync(join(out.dir, name));
  writeFileSync(join(out.dir, MANIFEST), manifestText(out.manifest));
  let written = 0;
  for (const f of out.files) {
    writeFileSync(join(out.dir, f.name), f.text);
    written++;
  }
  for (const f of out.reviews ?? []) {
    mkdirSync(dirname(join(out.dir, f.name)), { recursive: true });
    writeFileSync(join(out.dir, f.name), f.text);
  }
  return written;
}

/** Differences between a sample on disk and what the generator produces now. */
function check(out: SampleOutput): string[] {
  const problems: string[] = [];
  const expected = new Map<string, string>([[MANIFEST, manifestText(out.manifest)]]);
  for (const f of out.files) expected.set(f.name, f.text);
  const present = existsSync(out.dir) ? readdirSync(out.dir).filter((n) => n === MANIFEST || CRIME_FILE.test(n)) : [];
  for (const name of present) {
    const want = expected.get(name);
    if (want === undefined) problems.push(`unexpected ${name}`);
    else if (readFileSync(join(out.dir, name), 'utf8') !== want) problems.push(`differs: ${name}`);
  }
  for (const name of expected.keys()) if (!present.includes(name)) problems.push(`missing: ${name}`);
  for (const f of out.reviews ?? []) {
    const file = join(out.dir, f.name);
    if (!existsSync(file)) problems.push(`missing: ${f.name}`);
    else if (readFileSync(file, 'utf8') !== f.text) problems.push(`differs: ${f.name}`);
  }
  return problems;
}

function main(): number {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      count: { type: 'string' },
      seed: { type: 'string' },
      force: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      'json-ratio': { type: 'string' },
      check: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(
      readFileSync(__filename, 'utf8')
        .split('*/')[0]!
        .replace(/^\/\*\*?|^ \* ?/gm, ''),
    );
    return 0;
  }

  if (values.out === undefined) {
    for (const opt of ['count', 'seed', 'force', 'from', 'to', 'json-ratio'] as const) {
      if (values[opt] !== undefined) {
        console.error(`--${opt} applies only with --out DIR (the bundled samples have fixed specs).`);
        return 2;
      }
    }
    const samples = bundledSamples();
    if (values.check) {
      const problems = samples.flatMap((s) => check(s).map((p) => `${relative(ROOT, s.dir)}: ${p}`));
      for (const p of problems) console.error(p);
      console.log(
        problems.length
          ? `${problems.length} problem(s); run: npx tsx scripts/generate-samples.ts`
          : 'Bundled samples are up to date.',
      );
      return problems.length ? 1 : 0;
    }
    for (const s of samples) {
      const n = write(s);
      console.log(`wrote ${relative(ROOT, s.dir)}/ (${MANIFEST} + ${n} crime files)`);
    }
    return 0;
  }

  const count = values.count === undefined ? 100 : Number(values.count);
  if (!Number.isInteger(count) || count < 1) {
    console.error(`--count must be a positive integer, got ${values.count}`);
    return 2;
  }
  const jsonRatio = values['json-ratio'] === undefined ? undefined : Number(values['json-ratio']);
  if (jsonRatio !== undefined && !(jsonRatio >= 0 && jsonRatio <= 1)) {
    console.error(`--json-ratio must be between 0 and 1, got ${values['json-ratio']}`);
    return 2;
  }
  const seed = values.seed === undefined ? 1 : Number(values.seed);
  if (!Number.isSafeInteger(seed)) {
    console.error(`--seed must be an integer, got ${values.seed}`);
    return 2;
  }
  const spec = largeSampleSpec({
    count,
    seed,
    ...(values.force !== undefined ? { force: values.force } : {}),
    ...(values.from !== undefined ? { from: values.from } : {}),
    ...(values.to !== undefined ? { to: values.to } : {}),
  });
  if (jsonRatio !== undefined) spec.format = { json: jsonRatio };
  const started = Date.now();
  const sample = { dir: resolve(values.out), ...iterateSample(spec) };
  if (values.check) {
    const problems = check(sample);
    for (const p of problems) console.error(p);
    return problems.length ? 1 : 0;
  }
  const n = write(sample);
  console.log(`wrote ${sample.dir}/ (${MANIFEST} + ${n} crime files) in ${Date.now() - started} ms`);
  return 0;
}

try {
  process.exitCode = main();
} catch (error: unknown) {
  console.error(error);
  process.exitCode = 1;
}
