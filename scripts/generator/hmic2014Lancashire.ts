/**
 * Two synthetic samples that reproduce the figures of HMIC's 2014 letter to Lancashire
 * Constabulary (seed 003) for the `hmic-2014-core-business` pack:
 *
 * - 50 unattended crime reports (LAN L49): 34 with no evidence of any investigation, 35 with no
 *   evidence of any supervisory input, 35 filed within 24 hours of being reported.
 * - 10 named-suspect and 10 PNC-wanted files (LAN L54-58, R 4.127): 4 named-suspect files without
 *   supervisory activity and 4 PNC files with no update since circulation, so 8 of 20 fail and the
 *   sample is unsatisfactory under R 4.132 ("at least six of the 20").
 *
 * The counts are exact by construction (each file is assigned a pattern, then built to show it);
 * everything else (times, wording, people) is drawn from a seeded generator. The force, people,
 * places and references are invented: these are not Lancashire's files.
 */
import { TOWNS } from './names';
import * as N from './narrative';
import { Rng } from './random';
import { clamp, occurrenceWindow, pseudoId } from './record';
import { asOfficerInCase, asPerson, buildRoster, type Roster, type StaffMember } from './roster';
import { fileName, GENERATOR_TOOL, GENERATOR_VERSION, type GeneratedFile } from './sample';
import { buildScenario, reportHourWeights, type LineTemplate, type Scenario } from './scenario';
import { serialize, SYNTHETIC_NOTICE } from './serialize';
import { DAY, formatDateTime, HOUR, londonDate, londonHour, londonLocalToUtc, MINUTE, parseDate } from './time';
import type {
  Category,
  CrimeFile,
  InvestigationPlan,
  LineOfEnquiry,
  LogEntry,
  OfficerInCase,
  Person,
  Suspect,
  Victim,
} from './types';

export const LANCASHIRE_SEED = 20140903;
/** A fictional force: the samples reproduce the letter's counts, not Lancashire's records. */
export const LANCASHIRE_STYLE_FORCE = 'Ashcombe Constabulary';
const PACKS = ['hmic-2014-core-business'];

/** The three findings of LAN L49 for one file. */
export interface UnattendedPattern {
  investigated: boolean;
  supervised: boolean;
  filedWithin24h: boolean;
}

/**
 * How many of the 50 files show each combination. Totals: 34 not investigated, 35 not supervised,
 * 35 filed within 24 hours (LAN L49). The poor practice clusters, as HMIC describes: most files
 * lacking one also lack the others.
 */
export const LANCASHIRE_UNATTENDED_PATTERNS: ReadonlyArray<{ count: number; pattern: UnattendedPattern }> = [
  { count: 28, pattern: { investigated: false, supervised: false, filedWithin24h: true } },
  { count: 3, pattern: { investigated: false, supervised: false, filedWithin24h: false } },
  { count: 3, pattern: { investigated: false, supervised: true, filedWithin24h: true } },
  { count: 4, pattern: { investigated: true, supervised: false, filedWithin24h: true } },
  { count: 12, pattern: { investigated: true, supervised: true, filedWithin24h: false } },
];

/** Unattended volume crime, the types HMIC found weakest (R 4.101). */
const UNATTENDED_CATEGORIES: ReadonlyArray<{ category: Category; count: number }> = [
  { category: 'theft_from_vehicle', count: 20 },
  { category: 'criminal_damage', count: 16 },
  { category: 'burglary_other', count: 14 },
];

const fmt = (ms: number): string => formatDateTime(ms, 'local');

/** A London wall-clock time on the day `days` after `from`, between the given hours. */
function workingTimeAfter(rng: Rng, from: number, days: number, firstHour = 9, lastHour = 16): number {
  const [y, m, d] = parseDate(londonDate(from + days * DAY));
  return londonLocalToUtc(y, m, d, rng.int(firstHour, lastHour), rng.int(0, 59)) + rng.int(0, 59) * 1000;
}

function patternNote(p: UnattendedPattern): string {
  const parts = [
    p.investigated ? 'investigation recorded before filing' : 'no evidence of any investigation',
    p.supervised ? 'independent supervisory review' : 'no evidence of any supervisory input',
    p.filedWithin24h ? 'filed within 24 hours of the report' : 'filed more than 24 hours after the report',
  ];
  return `Not attended; ${parts.join('; ')}.`;
}

// ---------------------------------------------------------------------------------------------
// 50 unattended crime reports (LAN L49)
// ---------------------------------------------------------------------------------------------

function unattendedRecord(
  reference: string,
  category: Category,
  p: UnattendedPattern,
  roster: Roster,
  rng: Rng,
): CrimeFile {
  // Reported on a day of November 2013 at an hour typical of the crime type.
  const day = rng.int(1, 30);
  const R =
    londonLocalToUtc(2013, 11, day, rng.weighted(reportHourWeights(category)), rng.int(0, 59)) + rng.int(0, 59) * 1000;
  let sc: Scenario = buildScenario(category, rng, R, false);
  // Keep to crimes with no named suspect: the sample is about desk-based screening.
  while (sc.namedSuspect) sc = buildScenario(category, rng, R, false);
  const C = R + rng.int(8, 55) * MINUTE + rng.int(0, 59) * 1000;
  const E = p.filedWithin24h
    ? R + Math.round((rng.float(2, 21.5) * HOUR) / 1000) * 1000
    : workingTimeAfter(rng, R, rng.int(2, 12));

  const desk = rng.chance(0.8);
  const oicMember: StaffMember = desk ? rng.pick(roster.investigators) : rng.pick(roster.response);
  const supMember: StaffMember = desk ? rng.pick(roster.cmuSupervisors) : rng.pick(roster.sergeants);
  const oic = asPerson(oicMember);
  const sup = asPerson(supMember);
  const callHandler = asPerson(rng.pick(roster.callHandlers));

  const log: Array<{ at: number; entry: Omit<LogEntry, 'at'> }> = [];
  const add = (
    at: number,
    author: Person,
    type: LogEntry['type'],
    text: string,
    extra: Partial<LogEntry> = {},
  ): void => {
    log.push({ at: Math.round(at / 1000) * 1000, entry: { author, type, text, ...extra } });
  };
  const incident = `INC-${fmt(R).slice(2, 10).replace(/-/g, '')}-${String(rng.int(1, 1400)).padStart(4, '0')}`;
  add(C + rng.int(0, 90) * 1000, callHandler, 'note', N.recordingNote(rng, sc, 'cc_then_crime', incident));
  if (rng.chance(0.5)) {
    const kinds = rng.chance(0.6) ? (['evidence_preservation'] as const) : (['crime_prevention'] as const);
    add(C + rng.int(2, 6) * MINUTE, callHandler, 'advice', N.adviceText(rng, sc, [...kinds], true), {
      advice: [...kinds],
    });
  }

  /** Work happens between recording and filing; `f` is the fraction of that span. */
  const span = E - C;
  /** Over more than half a day, desk work happens in the daytime: move night-time entries to 08:00-20:00. */
  const work = (t: number): number => {
    const hour = londonHour(t);
    if (span > 12 * HOUR && (hour < 8 || hour >= 20)) {
      const morning = t + (hour < 8 ? 8 - hour : 32 - hour) * HOUR + rng.int(0, 90) * MINUTE;
      const evening = t - (hour < 8 ? hour + 5 : hour - 19) * HOUR + rng.int(0, 50) * MINUTE;
      t = morning <= E - 5 * MINUTE ? morning : evening;
    }
    return clamp(t, C + 10 * MINUTE, E - 5 * MINUTE);
  };
  const at = (f0: number, f1: number): number => work(C + span * rng.float(f0, f1));

  let plan: InvestigationPlan | undefined;
  let reviewAt: number | undefined;
  if (p.investigated) {
    const planAt = at(0.04, 0.12);
    const templates = rng.sample(
      sc.lines.filter((l) => l.category !== 'suspect' && (l.category !== 'property' || sc.loss !== '')),
      rng.int(2, 4),
    );
    add(
      clamp(planAt - rng.int(5, 20) * MINUTE, C + 5 * MINUTE, planAt),
      oic,
      'victim_contact',
      N.phoneContact(rng, sc, templates),
      {
        contact: { channel: 'phone', purpose: 'initial' },
      },
    );
    if (p.supervised) reviewAt = clamp(work(planAt + rng.int(10, 240) * MINUTE), planAt + MINUTE, E - 30 * MINUTE);
    const lines: LineOfEnquiry[] = templates.map((t: LineTemplate, i) => {
      const completed = i === 0 || rng.chance(0.6);
      const doneAt = clamp(work(C + span * rng.float(0.3, 0.9)), (reviewAt ?? planAt) + 5 * MINUTE, E - 10 * MINUTE);
      const result = completed ? rng.pick(t.results) : t.naReason;
      if (completed || rng.chance(0.5))
        add(
          doneAt,
          oic,
          'investigation_update',
          N.lineUpdate(rng, t, result, completed ? 'completed' : 'not_applicable'),
        );
      return {
        id: `L${i + 1}`,
        action: t.action,
        category: t.category,
        status: completed ? 'completed' : 'not_applicable',
        created_at: fmt(planAt),
        completed_at: fmt(Math.round(doneAt / 1000) * 1000),
        result,
      };
    });
    plan = { created_at: fmt(planAt), author: oic, lines_of_enquiry: lines };
    if (reviewAt !== undefined) {
      const directions = templates.slice(0, 3).map((t) => t.action);
      add(
        reviewAt,
        sup,
        'supervisor_review',
        N.supervisorReview(rng, N.signature(sup), directions, rng.pick([7, 14])),
        { directions },
      );
    }
  } else {
    if (rng.chance(0.4))
      add(at(0.05, 0.3), oic, 'victim_contact', `Spoke to IP by phone. ${sc.summary}`, {
        contact: { channel: 'phone', purpose: 'initial' },
      });
    if (rng.chance(0.6))
      add(
        at(0.3, 0.8),
        oic,
        'note',
        N.screeningNote(rng).replace(
          'Checked for CCTV \u2014 none. Nothing further.',
          'Screened out under the crime allocation policy.',
        ),
      );
    if (p.supervised) {
      reviewAt = at(0.85, 0.97);
      add(reviewAt, sup, 'supervisor_review', N.supervisorScreeningReview(rng, N.signature(sup)));
    }
  }
  if (!p.supervised && rng.chance(0.3)) add(at(0.9, 0.99), oic, 'supervisor_review', N.selfReview(rng));
  if (!p.filedWithin24h && rng.chance(0.6)) {
    const channel = rng.pick(['letter', 'phone'] as const);
    add(E - rng.int(10, 120) * MINUTE, oic, 'victim_contact', N.outcomeContactText(rng, 18, channel), {
      contact: { channel, purpose: 'outcome' },
    });
  }
  const filingText = N.filingText(rng, 18, !p.investigated);
  add(E, oic, 'filing', filingText);
  log.sort((a, b) => a.at - b.at);

  const repeat = rng.chance(0.1);
  const vulnerable = rng.chance(0.06);
  const victim: Victim = { id: pseudoId(rng, sc.victimKind === 'business' ? 'ORG' : 'VIC'), vulnerable };
  if (vulnerable) victim.vulnerability_reasons = [rng.pick(['age', 'disability', 'mental_health'] as const)];
  victim.repeat_victim = repeat;
  victim.repeat_check = {
    done: true,
    at: fmt(C + rng.int(1, 8) * MINUTE),
    result: repeat ? 'Previous report within 12 months \u2014 repeat victim.' : 'No previous reports in 12 months.',
  };

  const officer: OfficerInCase = asOfficerInCase(oicMember);
  const record: CrimeFile = {
    format: 'crime-file/1',
    reference,
    x_sample_note: patternNote(p),
    force: LANCASHIRE_STYLE_FORCE,
    classification: {
      category,
      hocr_code: sc.hocr,
      description: sc.description,
      ...(sc.flags.length ? { flags: sc.flags } : {}),
    },
    domestic_abuse: false,
    incident_reference: incident,
    recording_route: 'cc_then_crime',
    ...occurrenceWindow(sc, R, fmt),
    reported_at: fmt(R),
    recorded_at: fmt(C),
    attendance: { status: 'not_attended', decision: N.notAttendedDecision(rng, sc) },
    officer_in_case: officer,
    victims: [victim],
  };
  if (plan) record.investigation_plan = plan;
  record.log = log.map((l) => ({ at: fmt(l.at), ...l.entry }));
  record.filed = {
    at: fmt(E),
    by: oic,
    ...(p.supervised ? { authorised_by: sup } : {}),
    reason: filingText,
    outcome: { code: 18, description: N.OUTCOMES[18] },
  };
  return record;
}

/** The 50 unattended records, in reference order, with the pattern each was built to show. */
export function lancashireUnattendedRecords(): Array<{ record: CrimeFile; pattern: UnattendedPattern }> {
  const rng = new Rng(`dipsample:hmic-2014-lancashire-unattended:${LANCASHIRE_SEED}`);
  const roster = buildRoster(rng.fork('roster'), TOWNS);
  const patterns = rng.shuffle(
    LANCASHIRE_UNATTENDED_PATTERNS.flatMap(({ count, pattern }) => Array<UnattendedPattern>(count).fill(pattern)),
  );
  const categories = rng.shuffle(
    UNATTENDED_CATEGORIES.flatMap(({ category, count }) => Array<Category>(count).fill(category)),
  );
  const numbers = new Set<number>();
  while (numbers.size < patterns.length) numbers.add(rng.int(40_000, 99_999));
  const refs = [...numbers].sort((a, b) => a - b).map((n) => `AC-13-0${n}`);
  return patterns.map((pattern, i) => {
    const reference = refs[i]!;
    return { record: unattendedRecord(reference, categories[i]!, pattern, roster, rng.fork(reference)), pattern };
  });
}

export function lancashireUnattendedManifest(): object {
  return {
    format: 'dip-sample/1',
    name: 'HMIC 2014 unattended crime reports (Lancashire figures)',
    force: LANCASHIRE_STYLE_FORCE,
    description:
      'Synthetic reproduction of the unattended-crime dip-sample in HMIC\u2019s 2014 letter to Lancashire Constabulary ' +
      '(“Crime recording and attendance”, point 7): 50 unattended crime reports, of which 34 show no evidence of any investigation, 35 no ' +
      'evidence of any supervisory input and 35 were filed within 24 hours of being reported. The counts are exact by ' +
      'construction; each file says in x_sample_note which pattern it shows. The force, people, places and references ' +
      'are invented: these are not Lancashire\u2019s records.',
    period: { from: '2013-11-01', to: '2013-11-30', basis: 'reported' },
    selection: {
      method: 'purposive',
      description:
        '50 crime reports not attended, built to match the figures of the Lancashire letter (“Crime recording and attendance”, point 7).',
      seed: LANCASHIRE_SEED,
      strata: [{ description: 'not attended', size: 50, filter: { 'attendance.status': 'not_attended' } }],
    },
    size: 50,
    packs: PACKS,
    generator: { tool: GENERATOR_TOOL, version: GENERATOR_VERSION, seed: LANCASHIRE_SEED },
  };
}

export function generateLancashireUnattendedSample(): { manifest: object; files: GeneratedFile[] } {
  return {
    manifest: lancashireUnattendedManifest(),
    files: lancashireUnattendedRecords().map(({ record }) => ({
      name: fileName(record.reference, 'yaml'),
      text: serialize(record, 'yaml', SYNTHETIC_NOTICE),
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// 10 named-suspect + 10 PNC-wanted files (LAN L54-58, R 4.127-4.132)
// ---------------------------------------------------------------------------------------------

/** A suspect on a named-suspect or PNC-wanted file. */
export type WantedSuspect = Suspect & { wanted_since?: string };

/** A named-suspect or PNC-wanted record (crime-file/1 with `kind`). */
export interface SuspectFileRecord {
  format: 'crime-file/1';
  kind: 'named_suspect' | 'pnc_wanted';
  reference: string;
  x_sample_note?: string;
  force?: string;
  crime_reference?: string;
  classification?: { category: Category; hocr_code?: string; description?: string };
  officer_in_case?: OfficerInCase;
  suspects: WantedSuspect[];
  log?: LogEntry[];
}

/** What a suspect file was built to show. */
export type SuspectPattern = 'satisfactory' | 'no_supervision' | 'no_update_since_circulation';

export const LANCASHIRE_SUSPECT_PATTERNS: ReadonlyArray<{
  kind: SuspectFileRecord['kind'];
  pattern: SuspectPattern;
  count: number;
}> = [
  { kind: 'named_suspect', pattern: 'satisfactory', count: 6 },
  { kind: 'named_suspect', pattern: 'no_supervision', count: 4 },
  { kind: 'pnc_wanted', pattern: 'satisfactory', count: 6 },
  { kind: 'pnc_wanted', pattern: 'no_update_since_circulation', count: 4 },
];

/** HMIC asked for suspects outstanding "at the beginning of June 2014" (R 4.120). */
const SNAPSHOT = londonLocalToUtc(2014, 6, 1);

const SUSPECT_CATEGORIES: readonly Category[] = [
  'burglary_dwelling',
  'burglary_other',
  'assault_with_injury',
  'robbery',
  'theft_from_vehicle',
  'criminal_damage',
];

function locateText(rng: Rng, town: string): string {
  return rng.pick([
    'Home address visited; no reply. Card left.',
    'Last known address visited. Occupant states the suspect moved out; no forwarding address.',
    `Intelligence check: suspect believed to be staying with family in ${town}. Local team briefed.`,
    'Suspect discussed at the daily management meeting; allocated to the response team for arrest enquiries.',
    'PNC and local systems checked: no new addresses or contacts.',
    `Early-morning visit to the ${town} address with the neighbourhood team; suspect not present.`,
    'Mobile number from intelligence tried; no answer. Number passed to the intelligence unit.',
    'Briefing item refreshed for patrol staff.',
    'Benefits and housing checks requested for a current address.',
  ]);
}

function suspectReviewText(rng: Rng, sig: string): string {
  return rng.pick([
    `Wanted file reviewed. Suspect still wanted; circulation correct. ${sig}`,
    `Reviewed at the monthly outstanding-suspects meeting. Enquiries proportionate. ${sig}`,
    `File reviewed with OIC. Still wanted for the offence. ${sig}`,
  ]);
}

const REVIEW_DIRECTIONS: readonly string[] = [
  'Re-visit the last known address early morning',
  'Refresh the patrol briefing item',
  'Request a financial and housing check for a current address',
  'Liaise with the intelligence unit about associates',
  'Confirm the PNC circulation details are current',
];

function suspectRecord(
  reference: string,
  kind: SuspectFileRecord['kind'],
  pattern: SuspectPattern,
  roster: Roster,
  rng: Rng,
): SuspectFileRecord {
  const category = rng.pick(SUSPECT_CATEGORIES);
  // Wanted for offences dating back "over many months or years" (R 4.127).
  const W = workingTimeAfter(rng, SNAPSHOT, -rng.int(45, 760));
  const sc = buildScenario(category, rng, W - rng.int(1, 20) * DAY, false);
  const oicMember = rng.chance(0.6) ? rng.pick(roster.detectives) : rng.pick(roster.response);
  const supMember = oicMember.role === 'detective' ? rng.pick(roster.detectiveSergeants) : rng.pick(roster.sergeants);
  const oic = asPerson(oicMember);
  const sup = asPerson(supMember);
  const town = rng.pick(TOWNS);
  const last = SNAPSHOT - 2 * DAY;
  const circulated =
    kind === 'pnc_wanted' ? Math.min(workingTimeAfter(rng, W, rng.int(7, 40)), last - 20 * DAY) : undefined;

  const log: Array<{ at: number; entry: Omit<LogEntry, 'at'> }> = [];
  const add = (
    at: number,
    author: Person,
    type: LogEntry['type'],
    text: string,
    extra: Partial<LogEntry> = {},
  ): void => {
    log.push({ at: Math.round(at / 1000) * 1000, entry: { author, type, text, ...extra } });
  };
  const identifiedBy = rng.pick(['witness', 'cctv', 'fingerprint', 'dna', 'victim'] as const);
  add(
    W,
    oic,
    'investigation_update',
    rng.pick([
      `Suspect named: identified by ${identifiedBy === 'cctv' ? 'CCTV' : identifiedBy === 'dna' ? 'DNA' : identifiedBy}. Wanted for arrest and interview.`,
      `Ident received (${identifiedBy === 'cctv' ? 'CCTV' : identifiedBy === 'dna' ? 'DNA' : identifiedBy}). Suspect outstanding; arrest enquiries to follow.`,
    ]),
  );

  /** Updates on finding the suspect: the first within a few weeks, then spread to near the snapshot. */
  const until = pattern === 'no_update_since_circulation' ? circulated! - HOUR : last;
  /** The same London day in working hours (08:00-18:59), kept within [lo, hi]. */
  const daytime = (t: number, lo: number, hi: number): number => clamp(workingTimeAfter(rng, t, 0, 8, 18), lo, hi);
  const first = daytime(Math.min(W + rng.int(1, 20) * DAY, until - HOUR), W + HOUR, until);
  add(first, oic, 'investigation_update', locateText(rng, town));
  const more = pattern === 'no_update_since_circulation' ? rng.int(0, 1) : rng.int(2, 5);
  for (let i = 0; i < more; i++)
    add(
      daytime(first + (until - first) * rng.float(0.1, 1), first, until),
      oic,
      'investigation_update',
      locateText(rng, town),
    );
  if (circulated !== undefined) {
    add(circulated, oic, 'note', 'Circulated as wanted on PNC.');
    if (pattern === 'satisfactory')
      add(
        daytime(circulated + rng.int(2, 15) * DAY, circulated + HOUR, last),
        oic,
        'investigation_update',
        locateText(rng, town),
      );
  }

  if (pattern !== 'no_supervision') {
    // After the suspect was wanted; on the failing PNC files, only before the circulation.
    const reviews = rng.int(1, 3);
    const from = W + 3 * DAY;
    const to = pattern === 'no_update_since_circulation' ? circulated! - 2 * HOUR : last;
    for (let i = 0; i < reviews; i++) {
      const at = workingTimeAfter(rng, from + (to - from - DAY) * rng.float(0, 1), 0);
      const directions = i === 0 || rng.chance(0.5) ? rng.sample(REVIEW_DIRECTIONS, rng.int(1, 2)) : [];
      add(
        Math.min(at, to),
        sup,
        'supervisor_review',
        suspectReviewText(rng, N.signature(sup)),
        directions.length ? { directions } : {},
      );
    }
  }
  log.sort((a, b) => a.at - b.at);

  const suspect: WantedSuspect = {
    id: pseudoId(rng, 'SUS'),
    named: true,
    identified_by: identifiedBy,
    status: 'outstanding',
    wanted_since: fmt(W),
    ...(circulated !== undefined ? { circulated_pnc_at: fmt(circulated) } : {}),
  };
  const notes: Record<SuspectPattern, string> = {
    satisfactory: 'Regular updates on finding the suspect and independent supervisory review.',
    no_supervision:
      'Updates on finding the suspect, but no supervisory activity (LAN L54: absence of supervisor direction).',
    no_update_since_circulation:
      'Reviewed and updated until the suspect was circulated on the PNC; no update since (LAN L58).',
  };
  const crimeYear = londonDate(W).slice(2, 4);
  return {
    format: 'crime-file/1',
    kind,
    reference,
    x_sample_note: notes[pattern],
    force: LANCASHIRE_STYLE_FORCE,
    crime_reference: `AC-${crimeYear}-0${rng.int(10_000, 99_999)}`,
    classification: { category, hocr_code: sc.hocr, description: sc.description },
    officer_in_case: asOfficerInCase(oicMember),
    suspects: [suspect],
    log: log.map((l) => ({ at: fmt(l.at), ...l.entry })),
  };
}

/** The 20 suspect files (named-suspect first), with the pattern each was built to show. */
export function lancashireSuspectRecords(): Array<{ record: SuspectFileRecord; pattern: SuspectPattern }> {
  const rng = new Rng(`dipsample:hmic-2014-lancashire-suspects:${LANCASHIRE_SEED}`);
  const roster = buildRoster(rng.fork('roster'), TOWNS);
  const out: Array<{ record: SuspectFileRecord; pattern: SuspectPattern }> = [];
  for (const kind of ['named_suspect', 'pnc_wanted'] as const) {
    const patterns = rng.shuffle(
      LANCASHIRE_SUSPECT_PATTERNS.filter((p) => p.kind === kind).flatMap((p) =>
        Array<SuspectPattern>(p.count).fill(p.pattern),
      ),
    );
    patterns.forEach((pattern, i) => {
      const reference = `AC-${kind === 'named_suspect' ? 'NS' : 'PNC'}-14-${String(i + 1).padStart(3, '0')}`;
      out.push({ record: suspectRecord(reference, kind, pattern, roster, rng.fork(reference)), pattern });
    });
  }
  return out;
}

export function lancashireSuspectsManifest(): object {
  return {
    format: 'dip-sample/1',
    name: 'HMIC 2014 named-suspect and PNC-wanted files (Lancashire figures)',
    force: LANCASHIRE_STYLE_FORCE,
    description:
      'Synthetic reproduction of HMIC\u2019s 2014 named-suspect and PNC-wanted dip-sample (R 4.127: ten files of each) ' +
      'with the findings of the letter to Lancashire Constabulary (“Crime recording and attendance”, points 12–13): four named-suspect files ' +
      'without supervisory activity and four PNC files with no update since circulation. 8 of 20 files fail, so the ' +
      'sample is unsatisfactory under R 4.132 (at least six of the 20). Files open at the beginning of June 2014 ' +
      '(R 4.120). The force, people, places and references are invented: these are not Lancashire\u2019s records.',
    selection: {
      method: 'purposive',
      description:
        '10 named-suspect and 10 PNC-wanted files, built to match the figures of the Lancashire letter (LAN L54-58).',
      seed: LANCASHIRE_SEED,
      strata: [
        { description: 'named suspects not yet arrested or interviewed', size: 10, filter: { kind: 'named_suspect' } },
        { description: 'suspects circulated as wanted on the PNC', size: 10, filter: { kind: 'pnc_wanted' } },
      ],
    },
    size: 20,
    packs: PACKS,
    generator: { tool: GENERATOR_TOOL, version: GENERATOR_VERSION, seed: LANCASHIRE_SEED },
  };
}

export function generateLancashireSuspectsSample(): { manifest: object; files: GeneratedFile[] } {
  return {
    manifest: lancashireSuspectsManifest(),
    files: lancashireSuspectRecords().map(({ record }) => ({
      name: fileName(record.reference, 'yaml'),
      text: serialize(record, 'yaml', SYNTHETIC_NOTICE),
    })),
  };
}
