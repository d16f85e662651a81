/**
 * The training sample: a handful of hand-tuned files, each illustrating one point about the
 * four core rules (plan present, independent supervision, not filed within 24 h, advice given).
 * Built with the same record builder as generated samples, but with explicit traits and times.
 */
import type { RecordTraits } from './quality';
import { Rng } from './random';
import { buildRecord } from './record';
import { buildRoster } from './roster';
import { TOWNS } from './names';
import {
  fileName,
  GENERATOR_TOOL,
  GENERATOR_VERSION,
  manifestText,
  type GeneratedFile,
  type SampleManifest,
} from './sample';
import { serialize, SYNTHETIC_NOTICE } from './serialize';
import { londonLocalToUtc, MINUTE, type TimestampStyle } from './time';
import type { Category, CrimeFile } from './types';

export const TRAINING_SEED = 20131026;
const FORCE = 'Northmoor Constabulary';

interface TrainingCase {
  reference: string;
  category: Category;
  /** London wall-clock time of recording: [year, month, day, hour, minute]. */
  recorded: [number, number, number, number, number];
  /** Minutes from report to recording. */
  reportedBefore: number;
  traits: RecordTraits;
  style?: TimestampStyle;
  /** The rule the file is about and the right outcome: the answer key's entry, with `note` as its explanation. */
  teaches: { rule: string; outcome: 'passed' | 'failed' | 'notApplicable' };
  note: string;
}

/** The trainer's review file: the answer key trainees are marked against (`dipsample agreement --key`). */
export const TRAINING_KEY_REVIEWER = { id: 'TRAINER', name: 'Training key (synthetic)', role: 'trainer' } as const;

const GOOD: Omit<RecordTraits, 'attendance' | 'filing'> = {
  domesticAbuse: false,
  plan: 'lines',
  supervision: 'independent',
  advice: 'qualifying',
  victimUpdates: true,
};

export const TRAINING_CASES: readonly TrainingCase[] = [
  {
    reference: 'TRAIN-01',
    teaches: { rule: 'investigation-plan-present', outcome: 'passed' },
    category: 'burglary_dwelling',
    recorded: [2013, 11, 4, 18, 12],
    reportedBefore: 22,
    traits: { ...GOOD, attendance: 'attended', filing: { kind: 'filed', elapsedHours: 9 * 24 + 5.5 } },
    note:
      'Passes all four core rules: investigation plan with lines of enquiry, review by a sergeant who is not the OIC ' +
      'with directions, crime-prevention and evidence-preservation advice, filed after nine days.',
  },
  {
    reference: 'TRAIN-02',
    teaches: { rule: 'investigation-plan-present', outcome: 'failed' },
    category: 'theft_from_vehicle',
    recorded: [2013, 11, 6, 8, 41],
    reportedBefore: 35,
    traits: { ...GOOD, plan: 'none', attendance: 'not_attended', filing: { kind: 'filed', elapsedHours: 3 * 24 + 2 } },
    note:
      'Fails investigation-plan-present only: there is no investigation_plan at all. The supervisor agreed the ' +
      'screening decision, advice was given and it was filed after three days.',
  },
  {
    reference: 'TRAIN-03',
    teaches: { rule: 'investigation-plan-present', outcome: 'failed' },
    category: 'criminal_damage',
    recorded: [2013, 11, 9, 20, 3],
    reportedBefore: 14,
    traits: { ...GOOD, plan: 'empty', attendance: 'not_attended', filing: { kind: 'filed', elapsedHours: 5 * 24 + 7 } },
    note:
      'Fails investigation-plan-present only: an investigation_plan block exists but lines_of_enquiry is empty. ' +
      'An empty template is not a plan.',
  },
  {
    reference: 'TRAIN-04',
    teaches: { rule: 'supervision-recorded', outcome: 'failed' },
    category: 'burglary_other',
    recorded: [2013, 11, 12, 9, 17],
    reportedBefore: 48,
    traits: {
      ...GOOD,
      supervision: 'self_only',
      attendance: 'not_attended',
      filing: { kind: 'filed', elapsedHours: 6 * 24 + 3 },
    },
    note:
      'Fails supervision-recorded only: the only supervisor_review entry was written by the officer in case about ' +
      'their own investigation. Supervision must be independent: a supervisor other than officer_in_case, before ' +
      'filing.',
  },
  {
    reference: 'TRAIN-05',
    teaches: { rule: 'filed-within-24h', outcome: 'failed' },
    category: 'theft_from_vehicle',
    recorded: [2013, 11, 14, 7, 52],
    reportedBefore: 20,
    traits: { ...GOOD, attendance: 'not_attended', filing: { kind: 'filed', elapsedHours: 3 } },
    note:
      'Fails filed-within-24h only: filed 3 hours 20 minutes after it was reported (3 hours after it was recorded), ' +
      'although a plan, supervision and advice ' +
      'are all present. Same-day filing is the pattern HMIC reported for unattended volume crime.',
  },
  {
    reference: 'TRAIN-06',
    teaches: { rule: 'advice-given', outcome: 'failed' },
    category: 'assault_with_injury',
    recorded: [2013, 11, 16, 23, 36],
    reportedBefore: 9,
    traits: {
      ...GOOD,
      advice: 'safety_only',
      attendance: 'attended',
      filing: { kind: 'filed', elapsedHours: 12 * 24 + 4 },
    },
    note:
      'Fails advice-given only: the advice entry records safety advice (and at most victim-support information) ' +
      'but neither crime-prevention nor evidence-preservation advice.',
  },
  {
    reference: 'TRAIN-07',
    teaches: { rule: 'filed-within-24h', outcome: 'passed' },
    category: 'theft_from_vehicle',
    // Reported 19:40 BST, recorded 19:55 BST; filed 24.25 h after recording = 24.5 h after the report.
    recorded: [2013, 10, 26, 19, 55],
    reportedBefore: 15,
    traits: { ...GOOD, attendance: 'not_attended', filing: { kind: 'filed', elapsedHours: 24.25 } },
    note:
      'Passes filed-within-24h: reported 19:40 BST on Sat 26 Oct 2013, filed 19:10 GMT on Sun 27 Oct. The wall ' +
      'clock shows 23.5 hours, but the clocks went back overnight, so 24.5 hours actually elapsed since the report. ' +
      'Rules must use elapsed time, not wall-clock differences.',
  },
  {
    reference: 'TRAIN-08',
    teaches: { rule: 'filed-within-24h', outcome: 'notApplicable' },
    category: 'assault_with_injury',
    recorded: [2013, 11, 22, 1, 14],
    reportedBefore: 31,
    traits: { ...GOOD, attendance: 'attended', domesticAbuse: true, filing: { kind: 'open' } },
    note:
      'Still open (no filed.at): filed-within-24h does not apply. Shows a domestic-abuse assault with a DASH risk ' +
      'assessment, referrals and outstanding lines of enquiry.',
  },
];

export function trainingManifest(): SampleManifest {
  return {
    format: 'dip-sample/1',
    name: 'Training basics: the four core rules',
    force: FORCE,
    description:
      'Eight hand-tuned synthetic crime files for trainers. One passes every core rule, five each fail exactly one ' +
      'rule in a typical way, one is filed across the October 2013 clock change and one is still open. The answer ' +
      'key, with the reason for each file, is reviews/TRAINER.review.yaml (role trainer). All people, places and ' +
      'references are invented.',
    period: { from: '2013-10-01', to: '2013-11-30', basis: 'reported' },
    selection: {
      method: 'purposive',
      seed: TRAINING_SEED,
      description: 'Chosen by hand, one file per teaching point.',
    },
    size: TRAINING_CASES.length,
    packs: ['core'],
    generator: { tool: GENERATOR_TOOL, version: GENERATOR_VERSION, seed: TRAINING_SEED },
  };
}

/** The training records (objects). Their teaching points are in the answer key, not in the files trainees read. */
export function trainingRecords(): CrimeFile[] {
  const rng = new Rng(`dipsample:training:${TRAINING_SEED}`);
  const roster = buildRoster(rng.fork('roster'), TOWNS);
  const asAt = londonLocalToUtc(2014, 1, 31);
  return TRAINING_CASES.map((c) => {
    const recordedAt = londonLocalToUtc(...c.recorded);
    const built = buildRecord(
      {
        reference: c.reference,
        force: FORCE,
        category: c.category,
        reportedAt: recordedAt - c.reportedBefore * MINUTE,
        recordedAt,
        traits: c.traits,
        roster,
        timestampStyle: c.style ?? 'local',
        asAt,
      },
      rng.fork(c.reference),
    );
    return built;
  });
}

/**
 * The answer key: for each file, the outcome of the rule it teaches, with the teaching point as the
 * note (the feedback a trainee who missed it reads). Where it has no entry, the machine's outcome is
 * the key.
 */
export function trainingKey(): GeneratedFile {
  const files: Record<string, Record<string, { outcome: string; note: string }>> = {};
  for (const c of TRAINING_CASES)
    files[c.reference] = { [c.teaches.rule]: { outcome: c.teaches.outcome, note: c.note } };
  const header =
    ' The answer key of the training-basics sample (synthetic). Trainees mark the same files in\n' +
    ' reviews/<their id>.review.yaml with role: trainee; then: dipsample agreement samples/training-basics --key TRAINER\n' +
    " Where the key gives no outcome for a machine check, the machine's outcome is the key.";
  return {
    name: `reviews/${TRAINING_KEY_REVIEWER.id}.review.yaml`,
    text: serialize({ format: 'dipsample-review/1', reviewer: TRAINING_KEY_REVIEWER, files }, 'yaml', header),
  };
}

export function generateTrainingSample(): {
  manifest: SampleManifest;
  files: GeneratedFile[];
  reviews: GeneratedFile[];
} {
  return {
    manifest: trainingManifest(),
    reviews: [trainingKey()],
    files: trainingRecords().map((r) => ({
      name: fileName(r.reference, 'yaml'),
      text: serialize(r, 'yaml', SYNTHETIC_NOTICE),
    })),
  };
}

export { manifestText };
