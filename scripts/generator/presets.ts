/**
 * Ready-made sample specifications and quality profiles.
 *
 * HMIC_2014_PROFILE is calibrated on HMIC "Core business" (2014): in forces judged
 * unsatisfactory, around half of unattended volume-crime files had little or no plan or
 * independent supervision and were filed within 24 hours (Lancashire: of 50 unattended files,
 * 34 showed no investigation, 35 no supervision, 35 were filed within 24 h), while attended
 * burglary dwelling and assaults mostly showed plans and supervision.
 */
import type { QualityProfile } from './quality';
import { seedFromString } from './random';
import type { SampleSpec } from './sample';
import { HMIC_2014_CATEGORIES } from './types';

export const HMIC_2014_PROFILE: QualityProfile = {
  attendance: {
    burglary_dwelling: 0.9,
    assault_with_injury: 0.7,
    burglary_other: 0.45,
    criminal_damage: 0.3,
    theft_from_vehicle: 0.15,
    default: 0.5,
  },
  appointmentShare: 0.08,
  domesticAbuse: {
    assault_with_injury: 0.35,
    assault_without_injury: 0.3,
    criminal_damage: 0.1,
    harassment: 0.5,
    stalking: 0.6,
  },
  rates: {
    plan: 0.45,
    emptyPlan: 0.3,
    supervision: 0.42,
    selfReview: 0.3,
    filed: 0.95,
    filedWithin24h: 0.5,
    advice: 0.5,
    safetyOnlyAdvice: 0.3,
    victimUpdates: 0.35,
  },
  overrides: [
    // Unattended volume crime: the weakest files in the 2014 findings.
    {
      categories: ['theft_from_vehicle', 'criminal_damage', 'burglary_other'],
      attended: false,
      rates: { plan: 0.38, supervision: 0.36, filedWithin24h: 0.6, advice: 0.45 },
    },
    {
      attended: true,
      rates: { plan: 0.72, supervision: 0.7, filedWithin24h: 0.12, filed: 0.88, advice: 0.75, victimUpdates: 0.7 },
    },
    // Attended burglary dwelling and assaults: "in the main" planned and supervised.
    {
      categories: ['burglary_dwelling', 'assault_with_injury'],
      attended: true,
      rates: { plan: 0.9, supervision: 0.88, filedWithin24h: 0.04, advice: 0.88, victimUpdates: 0.85 },
    },
  ],
  correlation: 0.6,
};

/** A force doing the basics well: for contrast and for demos of a mostly-green summary. */
export const GOOD_PRACTICE_PROFILE: QualityProfile = {
  ...HMIC_2014_PROFILE,
  rates: {
    plan: 0.92,
    emptyPlan: 0.5,
    supervision: 0.9,
    selfReview: 0.5,
    filed: 0.9,
    filedWithin24h: 0.05,
    advice: 0.9,
    safetyOnlyAdvice: 0.5,
    victimUpdates: 0.85,
  },
  overrides: [],
  correlation: 0.3,
};

/** The bundled HMIC 2014 re-enactment for the fictional Northmoor Constabulary. */
export const HMIC_2014_NORTHMOOR: SampleSpec = {
  seed: 20140903,
  count: 100,
  force: 'Northmoor Constabulary',
  referencePrefix: 'NM-',
  period: { from: '2013-11-01', to: '2013-11-30' },
  categories: HMIC_2014_CATEGORIES.map((category) => ({ category, weight: 1 })),
  allocation: 'proportional',
  minNotAttended: 50,
  quality: HMIC_2014_PROFILE,
  format: { json: 0.1 },
  name: 'HMIC 2014 crime-file dip-sample (re-enactment): Northmoor Constabulary',
  description:
    'Synthetic re-enactment of the HMIC "Core business" (2014) crime-file dip-sample for a fictional force: ' +
    '100 crime reports from November 2013, at least 50 not attended, five crime types. ' +
    'Quality is modelled on the 2014 findings: around half of unattended volume-crime files lack a plan or ' +
    'independent supervision and are filed within 24 hours; attended burglary dwelling and assaults fare better. ' +
    'All people, places and references are invented.',
  selection: {
    method: 'stratified_random',
    description: 'Random selection from crimes reported in November 2013, stratified as HMIC did in 2014.',
    strata: [
      { description: '\u226550 not attended', size: 50, filter: { 'attendance.status': 'not_attended' } },
      ...HMIC_2014_CATEGORIES.map((category) => ({
        description: `five crime types: ${category.replace(/_/g, ' ')}`,
        size: 20,
        filter: { 'classification.category': category },
      })),
    ],
  },
  packs: ['core'],
};

/** A short code for reference numbers: initials of the force name ("Southfell Police" → "SO"). */
export function forceCode(force: string): string {
  const words = force.split(/[^A-Za-z]+/).filter((w) => w && !/^(police|constabulary|service|of|the|and)$/i.test(w));
  const initials = words
    .map((w) => w[0]!.toUpperCase())
    .join('')
    .slice(0, 3);
  if (initials.length >= 2) return initials;
  return (words[0] ?? force.replace(/[^A-Za-z]/g, '') ?? 'XX').slice(0, 2).toUpperCase().padEnd(2, 'X');
}

/**
 * Defaults for a large generated sample (benchmarks): a full year, so both clock changes occur.
 * A string seed is hashed to an integer (manifests record integer seeds).
 */
export function largeSampleSpec(options: {
  count: number;
  seed?: number | string;
  force?: string;
  from?: string;
  to?: string;
}): SampleSpec {
  const from = options.from ?? '2013-04-01';
  const to = options.to ?? '2014-03-31';
  return {
    ...HMIC_2014_NORTHMOOR,
    seed: typeof options.seed === 'string' ? seedFromString(options.seed) : (options.seed ?? 1),
    count: options.count,
    force: options.force ?? HMIC_2014_NORTHMOOR.force,
    referencePrefix: options.force ? `${forceCode(options.force)}-` : HMIC_2014_NORTHMOOR.referencePrefix,
    period: { from, to },
    minNotAttended: Math.ceil(options.count / 2),
    name: `Generated sample of ${options.count} crime files`,
    description: `Synthetic sample of ${options.count} crime files reported ${from}..${to} (fictional data, for benchmarks and load tests).`,
    selection: {
      method: 'stratified_random',
      description:
        'Generated with the HMIC 2014 stratification: at least half not attended, five crime types in equal numbers.',
      strata: [
        {
          description: '\u226550% not attended',
          size: Math.ceil(options.count / 2),
          filter: { 'attendance.status': 'not_attended' },
        },
        { description: 'five crime types in equal numbers' },
      ],
    },
  };
}
