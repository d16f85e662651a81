/**
 * A re-enactment of the HMICFRS PEEL effectiveness 2017 crime file review for a fictional force:
 * 60 files (the per-force sample, L2153) of the seven reviewed crime types (L2141–2149), crimes
 * from January–March 2017 (L2151), about a third with a domestic abuse element (Figure 15: 978 of
 * 2,700). Audited with the `peel-2017-file-review` pack.
 *
 * Records are built by the shared builder (record.ts) and then enriched with what the 2017 review
 * looked at and the 2014-style builder does not write: vulnerability checks and flags, a DASH for
 * stalking and harassment, DASH reviews (sometimes missing, incomplete or self-reviewed), the
 * lines of enquiry the review names (CCTV, house-to-house, witnesses, body-worn video, forensics),
 * evidence-led consideration on outcome 16, and weaker victim updates in telephone investigations
 * (L1121). Rates are calibrated loosely on the report's findings; every name is invented.
 */
import type { QualityProfile } from './quality';
import { Rng } from './random';
import {
  iterateRecords,
  recordFile,
  type GeneratedFile,
  type GeneratedRecord,
  type SampleManifest,
  type SampleSpec,
} from './sample';
import type { Category, CrimeFile, LineCategory, LineOfEnquiry, Person, RiskAssessment, Victim } from './types';

/** The seven crime types of the 2017 file review; GBH and ABH are both `assault_with_injury`. */
export const PEEL_2017_CATEGORIES: readonly { category: Category; weight: number }[] = [
  { category: 'theft_from_person', weight: 9 },
  { category: 'rape', weight: 7 },
  { category: 'stalking', weight: 6 },
  { category: 'harassment', weight: 10 },
  { category: 'assault_without_injury', weight: 14 },
  { category: 'assault_with_injury', weight: 14 },
];

/**
 * Calibrated on Figure 15 (all files: effective investigation 77%, good victim care 84%,
 * appropriate or effective supervision 62%), "more than a quarter" of files needing a plan without
 * one (L982), and telephone investigations where "only a minority of cases contained evidence that
 * victims were kept up to date" (L1121).
 */
export const PEEL_2017_PROFILE: QualityProfile = {
  attendance: {
    theft_from_person: 0.35,
    rape: 0.95,
    stalking: 0.6,
    harassment: 0.5,
    assault_without_injury: 0.6,
    assault_with_injury: 0.85,
    default: 0.5,
  },
  appointmentShare: 0.1,
  domesticAbuse: {
    assault_with_injury: 0.45,
    assault_without_injury: 0.45,
    harassment: 0.5,
    stalking: 0.55,
    rape: 0.2,
  },
  rates: {
    plan: 0.72,
    emptyPlan: 0.3,
    supervision: 0.62,
    selfReview: 0.2,
    filed: 0.9,
    filedWithin24h: 0.15,
    advice: 0.7,
    safetyOnlyAdvice: 0.4,
    victimUpdates: 0.84,
  },
  overrides: [
    { attended: false, rates: { victimUpdates: 0.45, supervision: 0.45, plan: 0.55 } },
    { attended: true, rates: { plan: 0.8, supervision: 0.68 } },
    { categories: ['rape'], rates: { plan: 0.9, supervision: 0.85, victimUpdates: 0.9 } },
  ],
  correlation: 0.5,
};

/** The bundled sample: 60 files for the fictional Eastmere Constabulary, 20 of them domestic abuse. */
export const PEEL_2017_FILE_REVIEW: SampleSpec = {
  // Chosen so that 20 of the 60 files have a domestic abuse element (about a third, as in Figure 15).
  seed: 20170313,
  count: 60,
  force: 'Eastmere Constabulary',
  referencePrefix: 'EM-',
  // The report: crimes *recorded* 1 January to 31 March 2017 (Annex A, L2151).
  period: { from: '2017-01-01', to: '2017-03-31', basis: 'recorded' },
  categories: PEEL_2017_CATEGORIES,
  allocation: 'proportional',
  quality: PEEL_2017_PROFILE,
  format: { json: 0.1 },
  name: 'PEEL 2017 crime file review (re-enactment): Eastmere Constabulary',
  description:
    'Synthetic re-enactment of the HMICFRS PEEL effectiveness 2017 crime file review for a fictional force: ' +
    '60 case files (the per-force sample) from crimes of January to March 2017, of the seven reviewed crime types ' +
    '(theft from the person, rape, stalking, harassment, common assault, and assault with injury for ABH and GBH), ' +
    'a third of them with a domestic abuse element. Quality is modelled loosely on Figure 15 and the review findings. ' +
    'Indicative only, as HMICFRS says of its own 60-file samples. All people, places and references are invented.',
  selection: {
    method: 'stratified_random',
    description:
      '60 files drawn at random from crimes recorded January to March 2017, in the seven crime types of the 2017 file review.',
    strata: [
      { description: 'files with a domestic abuse element (Figure 15)', size: 20, filter: { domestic_abuse: true } },
      ...PEEL_2017_CATEGORIES.map(({ category }) => ({
        description: `crime type: ${category.replace(/_/g, ' ')}`,
        filter: { 'classification.category': category },
      })),
    ],
  },
  packs: ['peel-2017-file-review'],
};

type Check = { done: boolean; at?: string; result?: string };
type ReviewVictim = Victim & { vulnerability_check?: Check };
type Outcome = NonNullable<NonNullable<CrimeFile['filed']>['outcome']> & { evidence_led_considered?: boolean };

const CCTV_SCOPE: readonly Category[] = [
  'assault_with_injury',
  'assault_without_injury',
  'theft_from_person',
  'robbery',
  'burglary_dwelling',
  'burglary_other',
  'theft_from_vehicle',
  'criminal_damage',
];
const H2H_SCOPE: readonly Category[] = [...CCTV_SCOPE, 'rape'];
/** peel17-cctv-considered's default scope: the seven crime types of the 2017 file review (L2141-2149). */
const CCTV_RULE_SCOPE: readonly Category[] = [
  'theft_from_person',
  'rape',
  'stalking',
  'harassment',
  'assault_without_injury',
  'assault_with_injury',
];
const FORENSIC_SCOPE: readonly Category[] = [
  'assault_with_injury',
  'rape',
  'robbery',
  'burglary_dwelling',
  'burglary_other',
];

interface ExtraLine {
  category: LineCategory;
  /** Probability that a file in scope, with a plan, has this line. */
  rate: number;
  inScope: (r: CrimeFile, attended: boolean) => boolean;
  action: (r: CrimeFile) => string;
  completed: (r: CrimeFile) => readonly string[];
  notApplicable: (r: CrimeFile) => string;
}

const atHome = (r: CrimeFile): boolean => r.domestic_abuse === true;

const EXTRA_LINES: readonly ExtraLine[] = [
  {
    category: 'cctv',
    rate: 0.8,
    inScope: (r) => CCTV_RULE_SCOPE.includes(r.classification.category),
    action: (r) =>
      atHome(r)
        ? 'Check for CCTV or doorbell cameras covering the address'
        : 'Identify and secure CCTV covering the scene',
    completed: (r) =>
      atHome(r)
        ? ['Neighbour\u2019s doorbell camera checked: shows SUSP1 arriving at 22:31. Footage seized.']
        : [
            'Footage seized; figure seen but not identifiable.',
            'Viewed: nothing of evidential value in the time window.',
          ],
    notApplicable: (r) =>
      atHome(r)
        ? 'Inside a private dwelling; no CCTV or doorbell cameras cover the address.'
        : 'No cameras cover the location (checked on foot).',
  },
  {
    category: 'house_to_house',
    rate: 0.7,
    inScope: (r, attended) => attended && H2H_SCOPE.includes(r.classification.category),
    action: () => 'House-to-house enquiries at the neighbouring addresses',
    completed: () => [
      'Completed: neighbour heard shouting but saw nothing. Statement taken.',
      'Completed, negative. Cards left at two addresses.',
    ],
    notApplicable: (r) =>
      r.classification.category === 'rape'
        ? 'Not proportionate: offence at a private address, victim\u2019s wishes respected.'
        : 'No overlooking properties.',
  },
  {
    category: 'witness',
    rate: 0.75,
    inScope: (_r, attended) => attended,
    action: () => 'Identify and take statements from witnesses',
    completed: () => ['W1 statement obtained.', 'Two witnesses spoken to at the scene; statements taken.'],
    notApplicable: () => 'No independent witnesses.',
  },
  {
    category: 'body_worn_video',
    rate: 0.65,
    inScope: (_r, attended) => attended,
    action: () => 'Secure body-worn video from the attending officers',
    completed: () => [
      'BWV downloaded and retained: victim\u2019s first account and injuries captured.',
      'BWV retained; suspect\u2019s comments on arrival captured.',
    ],
    notApplicable: () => 'Attending officer had no BWV device on shift.',
  },
  {
    category: 'forensic',
    rate: 0.7,
    inScope: (r, attended) => attended && FORENSIC_SCOPE.includes(r.classification.category),
    action: (r) =>
      r.classification.category === 'rape'
        ? 'Offer forensic medical examination at the SARC'
        : 'Consider forensic examination of the scene and clothing',
    completed: (r) =>
      r.classification.category === 'rape'
        ? ['Forensic medical examination completed at the SARC; samples submitted.']
        : ['Clothing seized and submitted.', 'CSI attended; swabs taken and submitted.'],
    notApplicable: (r) =>
      r.classification.category === 'rape'
        ? 'Outside the forensic window; victim declined examination.'
        : 'No forensic opportunity: scene not preserved, no contact trace.',
  },
];

function firstIndependentReview(r: CrimeFile): { at: string; author: Person } | undefined {
  const oic = r.officer_in_case?.id;
  return (r.log ?? []).find((e) => e.type === 'supervisor_review' && e.author.id !== oic);
}

/** Add what the 2017 review looked at to a record built by the shared builder (mutates and returns it). */
export function enrichPeel2017(record: CrimeFile, attended: boolean, rng: Rng): CrimeFile {
  const category = record.classification.category;

  // Vulnerability: a check on most files; the flag recorded either way, not always consistently.
  record.victims = (record.victims ?? []).map((v): ReviewVictim => {
    const roll = rng.next();
    const check: Check | undefined =
      roll < (record.domestic_abuse ? 0.93 : 0.8)
        ? {
            done: true,
            at: v.repeat_check?.at ?? record.recorded_at,
            result: v.vulnerable ? 'Vulnerable: see reasons.' : 'No vulnerability identified.',
          }
        : roll < 0.9
          ? { done: false }
          : undefined;
    let vulnerable = v.vulnerable;
    if (vulnerable === undefined && check?.done)
      vulnerable = v.vulnerability_reasons?.length ? (rng.chance(0.5) ? true : undefined) : false;
    const out: ReviewVictim = { id: v.id };
    if (vulnerable !== undefined) out.vulnerable = vulnerable;
    if (v.vulnerability_reasons) out.vulnerability_reasons = v.vulnerability_reasons;
    if (v.repeat_victim !== undefined) out.repeat_victim = v.repeat_victim;
    if (v.repeat_check) out.repeat_check = v.repeat_check;
    if (check) out.vulnerability_check = check;
    if (v.needs_assessment) out.needs_assessment = v.needs_assessment;
    if (v.wishes) out.wishes = v.wishes;
    return out;
  });

  // DASH: incomplete on some domestic abuse files, self-reviewed on a few; added for stalking and
  // harassment outside domestic abuse on most.
  const review = firstIndependentReview(record);
  const risk: RiskAssessment[] = record.risk_assessments ?? [];
  for (const ra of risk) {
    if (ra.type !== 'dash' && ra.type !== 'stalking_harassment') continue;
    if (rng.chance(0.1)) delete ra.level;
    if (ra.reviewed_by && ra.by && rng.chance(0.08)) {
      ra.reviewed_by = ra.by;
      delete ra.reviewed_at;
    }
  }
  if (!record.domestic_abuse && (category === 'stalking' || category === 'harassment') && rng.chance(0.7)) {
    const by = record.attendance?.attended_by ?? record.officer_in_case;
    const ra: RiskAssessment = { type: 'dash', at: record.recorded_at, level: rng.chance(0.7) ? 'standard' : 'medium' };
    if (by) ra.by = { id: by.id, role: by.role, ...(by.rank ? { rank: by.rank } : {}) };
    if (review && rng.chance(0.8)) {
      ra.reviewed_by = review.author;
      ra.reviewed_at = review.at;
    }
    risk.unshift(ra);
  }
  if (risk.length) record.risk_assessments = risk;

  // Lines of enquiry the review names, added to plans that lack them (most of the time).
  const lines: LineOfEnquiry[] | undefined = record.investigation_plan?.lines_of_enquiry;
  if (record.investigation_plan && lines && lines.length > 0) {
    for (const extra of EXTRA_LINES) {
      // CCTV lines for the crime types added to peel17-cctv-considered's scope (issue 15) draw from
      // their own stream, so every other file stays as it was generated before.
      const added = extra.category === 'cctv' && !CCTV_SCOPE.includes(record.classification.category);
      const draw = added ? new Rng(`dipsample:peel2017-cctv:${record.reference}`) : rng;
      if (
        !extra.inScope(record, attended) ||
        lines.some((l) => l.category === extra.category) ||
        !draw.chance(extra.rate)
      )
        continue;
      const completed = draw.chance(0.55);
      const line: LineOfEnquiry = {
        id: `L${lines.length + 1}`,
        action: extra.action(record),
        category: extra.category,
        status: completed ? 'completed' : 'not_applicable',
      };
      if (record.investigation_plan.created_at) line.created_at = record.investigation_plan.created_at;
      line.result = completed ? draw.pick(extra.completed(record)) : extra.notApplicable(record);
      lines.push(line);
    }
  }

  // Outcome 16: evidence-led prosecution considered (more often recorded in domestic abuse).
  const outcome = record.filed?.outcome as Outcome | undefined;
  if (outcome?.code === 16) {
    const roll = rng.next();
    if (record.domestic_abuse) {
      if (roll < 0.65) outcome.evidence_led_considered = true;
      else if (roll < 0.85) outcome.evidence_led_considered = false;
    } else if (roll < 0.4) outcome.evidence_led_considered = true;
  }

  // Telephone investigations: victims often not kept up to date (L1121).
  if (!attended && record.log && rng.chance(0.5)) {
    record.log = record.log.filter((e) => !(e.type === 'victim_contact' && e.contact?.purpose === 'update'));
  }
  return record;
}

/** The records of a PEEL 2017 sample, enriched, in reference order. */
export function iteratePeel2017Records(spec: SampleSpec = PEEL_2017_FILE_REVIEW): {
  manifest: SampleManifest;
  count: number;
  records: Iterable<GeneratedRecord>;
} {
  const { manifest, count, records } = iterateRecords(spec);
  return {
    manifest,
    count,
    records: {
      *[Symbol.iterator]() {
        for (const r of records) {
          const rng = new Rng(`peel2017:${spec.seed}:${r.record.reference}`);
          yield { ...r, record: enrichPeel2017(r.record, r.traits.attendance !== 'not_attended', rng) };
        }
      },
    },
  };
}

/** The files of a PEEL 2017 sample, generated lazily (as iterateSample). */
export function iteratePeel2017Sample(spec: SampleSpec = PEEL_2017_FILE_REVIEW): {
  manifest: SampleManifest;
  count: number;
  files: Iterable<GeneratedFile>;
} {
  const { manifest, count, records } = iteratePeel2017Records(spec);
  return {
    manifest,
    count,
    files: {
      *[Symbol.iterator]() {
        for (const r of records) yield recordFile(r);
      },
    },
  };
}

/** A PEEL 2017 sample: manifest plus crime files. Deterministic for a given spec. */
export function generatePeel2017Sample(spec: SampleSpec = PEEL_2017_FILE_REVIEW): {
  manifest: SampleManifest;
  files: GeneratedFile[];
} {
  const { manifest, files } = iteratePeel2017Sample(spec);
  return { manifest, files: [...files] };
}
