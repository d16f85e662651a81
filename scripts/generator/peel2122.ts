/**
 * The PEEL 2021/22 victim service assessment sample: records built by the ordinary record
 * builder, then given a "victim service layer" that decides the call-stage and outcome-stage
 * fields the `peel-2122-victim-service` pack reads, at rates calibrated on the national figures in
 * HMICFRS, PEEL 2021/22 national themes (2023), seed 002:
 *
 * - repeat-victim check not completed in 32% of cases, vulnerability check in 23%, initial risk
 *   and needs assessment in 24% (L327);
 * - callers not given appropriate evidence-preservation advice in 34% of case files (L387), some
 *   forces sending links to online advice instead (L389);
 * - crime prevention advice inconsistent (L385; no figure: the rate is the generator's choice);
 * - closures with open lines of enquiry (L92, L421), outcome not told to the victim (L421);
 * - evidence-led prosecution considered for outcome 16 (L491; no figure).
 *
 * The layer works on the finished record (it keeps the builder's timeline invariants: every new
 * log entry falls between recorded_at and the filing entry) and uses its own seeded generator, so
 * the builder's output for other samples is unchanged. Everything is invented.
 */
import { TOWNS } from './names';
import type { QualityProfile } from './quality';
import { normalCdf, Rng } from './random';
import { buildRoster, asPerson, type Roster } from './roster';
import {
  fileName,
  iterateRecords,
  type GeneratedFile,
  type GeneratedRecord,
  type SampleManifest,
  type SampleSpec,
} from './sample';
import { serialize, SYNTHETIC_NOTICE } from './serialize';
import { DAY, formatDateTime, HOUR, londonLocalToUtc, MINUTE } from './time';
import type {
  AdviceKind,
  Category,
  CrimeFile,
  LineCategory,
  LineOfEnquiry,
  LogEntry,
  Person,
  RiskAssessment,
  Victim,
} from './types';

/** Probabilities (0–1) of the victim-service features of one file. */
export interface VictimServiceRates {
  /** A repeat-victim check recorded as done (national: 68%, L327). */
  repeatCheck: number;
  /** A vulnerability check recorded as done (national: 77%, L327). */
  vulnerabilityCheck: number;
  /** An initial (THRIVE) risk assessment at the call (national: 76%, L327). */
  initialAssessment: number;
  /** Evidence-preservation advice at first contact (national: 66%, L387). */
  evidenceAdvice: number;
  /** Given no advice at first contact: evidence advice given days later instead (else none). */
  lateEvidenceAdvice: number;
  /** Crime prevention advice at some point (no national figure). */
  crimePreventionAdvice: number;
  /** Share of call-handler advice sent as a link to online advice (L389; no figure). */
  adviceByLink: number;
  /** Given filed with a plan: a line of enquiry left outstanding at closure (L92, L421; no figure). */
  openLineAtClosure: number;
  /** Given filed: the outcome is missing from the export. */
  outcomeMissing: number;
  /** Given outcome 16: evidence-led prosecution recorded as considered (L491; no figure). */
  evidenceLedConsidered: number;
  /** 0 = independent; towards 1 = call-stage failures cluster in the same files (same call handler, same shift). */
  correlation: number;
}

export const PEEL_2122_RATES: VictimServiceRates = {
  repeatCheck: 0.68,
  vulnerabilityCheck: 0.77,
  initialAssessment: 0.76,
  evidenceAdvice: 0.66,
  lateEvidenceAdvice: 0.35,
  crimePreventionAdvice: 0.7,
  adviceByLink: 0.25,
  openLineAtClosure: 0.18,
  outcomeMissing: 0.04,
  evidenceLedConsidered: 0.55,
  correlation: 0.5,
};

/** Investigation quality for a 2021/22 force: mostly planned and supervised, often without direction. */
export const PEEL_2122_PROFILE: QualityProfile = {
  attendance: {
    burglary_dwelling: 0.85,
    assault_with_injury: 0.8,
    assault_without_injury: 0.55,
    robbery: 0.85,
    harassment: 0.45,
    stalking: 0.6,
    criminal_damage: 0.35,
    theft_from_vehicle: 0.15,
    default: 0.5,
  },
  appointmentShare: 0.1,
  domesticAbuse: {
    assault_with_injury: 0.4,
    assault_without_injury: 0.4,
    criminal_damage: 0.15,
    harassment: 0.5,
    stalking: 0.6,
  },
  rates: {
    plan: 0.78,
    emptyPlan: 0.3,
    supervision: 0.8,
    selfReview: 0.3,
    filed: 0.85,
    filedWithin24h: 0.15,
    advice: 0.6,
    safetyOnlyAdvice: 0.2,
    victimUpdates: 0.72,
  },
  correlation: 0.5,
};

const PERIOD = { from: '2021-11-01', to: '2021-11-30' };

/** The bundled PEEL 2021/22 victim service re-enactment for the fictional Harrowdale Police. */
export const PEEL_2122_HARROWDALE: SampleSpec = {
  seed: 20230707,
  count: 50,
  force: 'Harrowdale Police',
  referencePrefix: 'HD-',
  period: PERIOD,
  categories: [
    { category: 'burglary_dwelling', weight: 2 },
    { category: 'assault_with_injury', weight: 2 },
    { category: 'assault_without_injury', weight: 1 },
    { category: 'criminal_damage', weight: 1 },
    { category: 'theft_from_vehicle', weight: 1 },
    { category: 'harassment', weight: 1 },
    { category: 'stalking', weight: 1 },
    { category: 'robbery', weight: 1 },
  ],
  allocation: 'proportional',
  quality: PEEL_2122_PROFILE,
  format: { json: 0.1 },
  timestampStyles: [['local', 1]],
  clockChangeShare: 0,
  longRunningShare: 0,
  name: 'PEEL 2021/22 victim service assessment (re-enactment): Harrowdale Police',
  description:
    'Synthetic re-enactment of an HMICFRS PEEL 2021/22 victim service assessment for a fictional force: 50 crimes ' +
    'with a victim reported in November 2021, followed from the call to the outcome. Call-stage rates are modelled on ' +
    'the national figures (repeat-victim check not done in 32% of cases, vulnerability check 23%, initial risk ' +
    'assessment 24%, evidence preservation advice not given 34%); some advice is sent as links to online advice; ' +
    'some files are closed with lines of enquiry still outstanding. All people, places and references are invented.',
  selection: {
    method: 'random',
    description:
      '50 crimes with an individual or business victim, drawn at random from crimes reported in November 2021.',
  },
  packs: ['peel-2122-victim-service'],
};

/** A crime-file date-time as an instant: with an offset as written, otherwise London wall-clock time. */
function instant(text: string): number {
  if (/(Z|[+-]\d{2}:\d{2})$/.test(text)) return Date.parse(text);
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(text);
  if (!m) throw new RangeError(`not a date-time: ${text}`);
  const [, y, mo, d, h, mi, s] = m;
  return londonLocalToUtc(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s ?? 0));
}

const fmt = (ms: number): string => formatDateTime(Math.round(ms / 1000) * 1000, 'local');

const EVIDENCE_ADVICE: Partial<Record<Category, readonly string[]>> & { default: readonly string[] } = {
  burglary_dwelling: [
    'Asked the caller not to touch the point of entry or anything the offender may have handled until CSI attend.',
    'Advised the caller to keep out of the room that was searched and not to clean up before CSI have been.',
  ],
  theft_from_vehicle: [
    'Advised the caller not to touch the broken window or the door handles, and not to move the vehicle until it has been examined.',
  ],
  criminal_damage: ['Asked the caller to leave the damage as it is and photograph it before anything is cleared.'],
  robbery: [
    'Advised the caller to keep the clothing worn and not to wash it, and to note anything the suspect touched.',
  ],
  assault_with_injury: ['Advised the caller to photograph the injuries as they develop and to keep the clothing worn.'],
  assault_without_injury: ['Advised the caller to keep the clothing worn and to note the names of anyone who saw it.'],
  harassment: ['Advised the caller not to delete any messages or call logs and to screenshot social media posts.'],
  stalking: [
    'Advised the caller to keep a diary of every incident and not to delete messages, voicemails or call logs.',
  ],
  default: ['Advised the caller to leave everything as it is and not to touch anything the offender may have handled.'],
};

const EVIDENCE_LINK = [
  'Caller sent the force web link on preserving evidence at a crime scene.',
  'Text message sent to the caller with a link to the online guide to preserving evidence.',
];

const PREVENTION_ADVICE: Partial<Record<Category, readonly string[]>> & { default: readonly string[] } = {
  burglary_dwelling: [
    'Crime prevention advice on door and window locks, lighting and property marking; leaflet left.',
    'Advised on securing the rear gate and fitting a timer light; referred to the neighbourhood team for a security survey.',
  ],
  theft_from_vehicle: ['Advised to remove all items from view and to park in a lit area; leaflet given.'],
  criminal_damage: ['Advised on CCTV and lighting at the front of the property.'],
  robbery: ['Advised on keeping phones out of sight and on routes home after dark.'],
  assault_with_injury: ['Advised on personal safety and on avoiding the suspect; safety plan discussed.'],
  assault_without_injury: ['Advised on personal safety and on reporting any further contact straight away.'],
  harassment: ['Advised on privacy settings and blocking the suspect on social media.'],
  stalking: ['Advised on varying routes, personal alarms and privacy settings; safety plan discussed.'],
  default: ['Crime prevention advice given; leaflet provided.'],
};

const PREVENTION_LINK = [
  'Sent the link to the force crime prevention pages.',
  'Emailed the online crime prevention guide.',
];

/** Lines of enquiry left open at closure, by category (the L421 example: "no suspect identified" with lines left). */
const OPEN_LINES: Partial<Record<Category, ReadonlyArray<[LineCategory, string]>>> & {
  default: ReadonlyArray<[LineCategory, string]>;
} = {
  burglary_dwelling: [
    ['cctv', 'Collect doorbell camera footage from neighbouring houses'],
    ['forensic', 'Chase the result of the glove-mark submission'],
  ],
  theft_from_vehicle: [['cctv', 'Collect CCTV from the car park operator']],
  robbery: [
    ['cctv', 'Collect CCTV from the bus station'],
    ['property', 'Check second-hand shops for the stolen phone'],
  ],
  harassment: [['other', 'Obtain subscriber checks for the sending number']],
  stalking: [['other', 'Obtain subscriber checks for the sending number']],
  default: [
    ['witness', 'Trace and take a statement from the second witness'],
    ['cctv', 'Collect CCTV from nearby shops'],
  ],
};

function pick<T>(
  rng: Rng,
  table: Partial<Record<Category, readonly T[]>> & { default: readonly T[] },
  category: Category,
): T {
  return rng.pick(table[category] ?? table.default);
}

/** The victim with its keys in the documented order, so files read naturally. */
function orderedVictim(v: Victim): Victim {
  const {
    id,
    vulnerable,
    vulnerability_reasons,
    repeat_victim,
    repeat_check,
    vulnerability_check,
    needs_assessment,
    wishes,
    ...rest
  } = v;
  return {
    id,
    ...(vulnerable !== undefined ? { vulnerable } : {}),
    ...(vulnerability_reasons !== undefined ? { vulnerability_reasons } : {}),
    ...(repeat_victim !== undefined ? { repeat_victim } : {}),
    ...(repeat_check !== undefined ? { repeat_check } : {}),
    ...(vulnerability_check !== undefined ? { vulnerability_check } : {}),
    ...(needs_assessment !== undefined ? { needs_assessment } : {}),
    ...(wishes !== undefined ? { wishes } : {}),
    ...rest,
  };
}

/**
 * Apply the PEEL 2021/22 victim-service layer to a built record (returns a new record). Call-stage
 * features share a latent "call quality" (`rates.correlation`) so poor calls fail several checks.
 */
export function applyVictimServiceLayer(
  input: CrimeFile,
  rng: Rng,
  roster: Roster,
  rates: VictimServiceRates = PEEL_2122_RATES,
): CrimeFile {
  const record = JSON.parse(JSON.stringify(input)) as CrimeFile;
  const category = record.classification.category;
  const R = instant(record.reported_at);
  const C = instant(record.recorded_at);
  const filedAt = record.filed?.at !== undefined ? instant(record.filed.at) : undefined;
  /** New log entries fall strictly before the filing entry. */
  const latest = filedAt !== undefined ? filedAt - MINUTE : Number.POSITIVE_INFINITY;
  const inRange = (t: number): number => Math.min(latest, Math.max(C, t));

  const rho = Math.min(0.95, Math.max(0, rates.correlation));
  const latent = rng.normal();
  const good = (p: number): boolean => normalCdf(Math.sqrt(rho) * latent + Math.sqrt(1 - rho) * rng.normal()) < p;

  // The call handler: whoever recorded the incident, else one from the control room.
  const firstNote = record.log?.find((e) => e.type === 'note' && e.author.role === 'call_handler');
  const callHandler: Person = firstNote?.author ?? asPerson(rng.pick(roster.callHandlers));
  const attendingOfficer = record.attendance?.attended_by;
  const attendedAt = record.attendance?.attended_at !== undefined ? instant(record.attendance.attended_at) : undefined;
  const oic: Person | undefined = record.officer_in_case
    ? {
        id: record.officer_in_case.id,
        role: record.officer_in_case.role ?? 'officer',
        ...(record.officer_in_case.rank ? { rank: record.officer_in_case.rank } : {}),
        ...(record.officer_in_case.name ? { name: record.officer_in_case.name } : {}),
      }
    : undefined;
  const domestic = record.domestic_abuse === true;

  // --- Repeat-victim and vulnerability checks (per victim) -------------------------------------
  const callTime = R + rng.int(1, 8) * MINUTE + rng.int(0, 59) * 1000;
  record.victims = (record.victims ?? []).map((victim) => {
    const v: Victim = { ...victim };
    if (good(rates.repeatCheck)) {
      const repeat = v.repeat_victim ?? rng.chance(domestic ? 0.4 : 0.12);
      v.repeat_victim = repeat;
      v.repeat_check = {
        done: true,
        at: fmt(callTime),
        result: repeat
          ? rng.pick([
              'Previous report within 12 months \u2014 repeat victim.',
              'Two previous calls from the address this year.',
            ])
          : 'No previous reports in 12 months.',
      };
    } else {
      delete v.repeat_victim;
      const reasons = v.vulnerability_reasons?.filter((r) => r !== 'repeat');
      if (reasons?.length) v.vulnerability_reasons = reasons;
      else delete v.vulnerability_reasons;
      if (rng.chance(0.5)) v.repeat_check = { done: false };
      else delete v.repeat_check;
    }
    if (good(rates.vulnerabilityCheck)) {
      const reasons = v.vulnerability_reasons?.filter((r) => r !== 'repeat') ?? [];
      v.vulnerability_check = {
        done: true,
        at: fmt(callTime + rng.int(0, 3) * MINUTE),
        result: v.vulnerable
          ? `Vulnerable: ${reasons.length ? reasons.join(', ').replace(/_/g, ' ') : 'repeat victim'}.`
          : rng.pick([
              'No vulnerability identified.',
              'No vulnerability identified; lives with partner.',
              'Caller confirmed no health or support needs.',
            ]),
      };
    } else if (rng.chance(0.5)) {
      v.vulnerability_check = { done: false };
    }
    return orderedVictim(v);
  });

  // --- Initial risk assessment at the call ----------------------------------------------------
  const risks: RiskAssessment[] = (record.risk_assessments ?? []).filter((r) => r.type !== 'thrive');
  if (good(rates.initialAssessment)) {
    risks.unshift({
      type: 'thrive',
      at: fmt(callTime + rng.int(1, 6) * MINUTE),
      // Consistent with the attendance decision: desk-based files were graded low risk at the call.
      level:
        record.attendance?.status === 'not_attended'
          ? 'standard'
          : domestic
            ? rng.pick(['medium', 'high'] as const)
            : rng.weighted<'standard' | 'medium'>([
                ['standard', 5],
                ['medium', 1],
              ]),
      by: callHandler,
    });
  }
  if (risks.length) record.risk_assessments = risks;
  else delete record.risk_assessments;

  // --- Advice: evidence preservation and crime prevention, separately -------------------------
  const log: Array<LogEntry & { seq: number }> = (record.log ?? [])
    .filter((e) => e.type !== 'advice')
    .map((e, seq) => ({ ...e, seq }));
  let seq = log.length;
  const addAdvice = (
    at: number,
    author: Person,
    text: string,
    kinds: AdviceKind[],
    method: 'verbal' | 'written' | 'link',
  ): void => {
    log.push({ at: fmt(inRange(at)), author, type: 'advice', text, advice: kinds, advice_method: method, seq: seq++ });
  };
  if (good(rates.evidenceAdvice)) {
    const byLink = rng.chance(rates.adviceByLink);
    const atCall = attendedAt === undefined || attendedAt - R > 12 * HOUR || rng.chance(0.7);
    const kinds: AdviceKind[] = domestic ? ['evidence_preservation', 'safety'] : ['evidence_preservation'];
    if (atCall) {
      const text = byLink ? rng.pick(EVIDENCE_LINK) : `Call handler: ${pick(rng, EVIDENCE_ADVICE, category)}`;
      addAdvice(C + rng.int(1, 6) * MINUTE, callHandler, text, kinds, byLink ? 'link' : 'verbal');
    } else if (attendedAt !== undefined) {
      addAdvice(
        attendedAt + rng.int(5, 30) * MINUTE,
        attendingOfficer ?? callHandler,
        pick(rng, EVIDENCE_ADVICE, category),
        kinds,
        'verbal',
      );
    }
  } else if (oic && rng.chance(rates.lateEvidenceAdvice)) {
    // Given, but days later: by then the scene or the messages may be gone.
    const at = C + rng.float(2, 6) * DAY;
    if (at < latest) addAdvice(at, oic, pick(rng, EVIDENCE_ADVICE, category), ['evidence_preservation'], 'verbal');
  }
  if (good(rates.crimePreventionAdvice)) {
    const byLink = rng.chance(rates.adviceByLink);
    const adviser = attendingOfficer ?? oic ?? callHandler;
    const at = attendedAt !== undefined ? attendedAt + rng.int(10, 45) * MINUTE : C + rng.float(2, 48) * HOUR;
    const method = byLink ? 'link' : rng.chance(0.3) ? 'written' : 'verbal';
    addAdvice(
      at,
      adviser,
      byLink ? rng.pick(PREVENTION_LINK) : pick(rng, PREVENTION_ADVICE, category),
      ['crime_prevention'],
      method,
    );
  }
  log.sort((a, b) => instant(a.at) - instant(b.at) || a.seq - b.seq);
  // The filing entry stays last (equal times sort by sequence; it was built last).
  record.log = log.map(({ seq: _seq, ...entry }) => entry);

  // --- Closure with an open line of enquiry ---------------------------------------------------
  const plan = record.investigation_plan;
  if (filedAt !== undefined && plan && plan.lines_of_enquiry.length > 0 && rng.chance(rates.openLineAtClosure)) {
    const [lineCategory, action] = pick(rng, OPEN_LINES, category);
    if (!plan.lines_of_enquiry.some((l) => l.action === action)) {
      const line: LineOfEnquiry = {
        id: `L${plan.lines_of_enquiry.length + 1}`,
        action,
        category: lineCategory,
        status: 'outstanding',
      };
      if (plan.created_at !== undefined) line.created_at = plan.created_at;
      plan.lines_of_enquiry.push(line);
    }
  }

  // --- Outcome ----------------------------------------------------------------------------------
  const outcome = record.filed?.outcome;
  if (record.filed && outcome) {
    if (outcome.code === 16) {
      const roll = rng.next();
      if (roll < rates.evidenceLedConsidered) outcome.evidence_led_considered = true;
      else if (roll < rates.evidenceLedConsidered + (1 - rates.evidenceLedConsidered) / 2)
        outcome.evidence_led_considered = false;
    }
    if (rng.chance(rates.outcomeMissing)) delete record.filed.outcome;
  }
  return record;
}

/** The roster a sample's records were built with (the same fork iterateRecords uses). */
function rosterFor(spec: SampleSpec): Roster {
  return buildRoster(new Rng(`dipsample:${spec.seed}`).fork('roster'), TOWNS);
}

/** The records of a PEEL 2021/22 sample, lazily, with the victim-service layer applied. */
export function iteratePeel2122Records(
  spec: SampleSpec = PEEL_2122_HARROWDALE,
  rates: VictimServiceRates = PEEL_2122_RATES,
): { manifest: SampleManifest; count: number; records: Iterable<GeneratedRecord> } {
  const { manifest, count, records } = iterateRecords(spec);
  const roster = rosterFor(spec);
  const layer = new Rng(`dipsample:peel2122:${spec.seed}`);
  return {
    manifest,
    count,
    records: {
      *[Symbol.iterator]() {
        for (const r of records)
          yield { ...r, record: applyVictimServiceLayer(r.record, layer.fork(r.record.reference), roster, rates) };
      },
    },
  };
}

/** The bundled sample (manifest and files), for scripts/generate-samples.ts. */
export function iteratePeel2122Sample(
  spec: SampleSpec = PEEL_2122_HARROWDALE,
  rates: VictimServiceRates = PEEL_2122_RATES,
): { manifest: SampleManifest; count: number; files: Iterable<GeneratedFile> } {
  const { manifest, count, records } = iteratePeel2122Records(spec, rates);
  return {
    manifest,
    count,
    files: {
      *[Symbol.iterator]() {
        for (const r of records)
          yield { name: fileName(r.record.reference, r.format), text: serialize(r.record, r.format, SYNTHETIC_NOTICE) };
      },
    },
  };
}

/** The whole sample at once (tests). */
export function generatePeel2122Sample(
  spec: SampleSpec = PEEL_2122_HARROWDALE,
  rates: VictimServiceRates = PEEL_2122_RATES,
): { manifest: SampleManifest; files: GeneratedFile[] } {
  const { manifest, files } = iteratePeel2122Sample(spec, rates);
  return { manifest, files: [...files] };
}
