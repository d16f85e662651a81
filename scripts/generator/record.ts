/**
 * Build one crime-file/1 record from a category, a report time and resolved traits.
 *
 * Timeline invariants: occurred_to ≤ reported_at ≤ recorded_at ≤ every log entry ≤ filed.at;
 * the log is sorted by time and the filing entry (if any) is last. Plan, risk-assessment and
 * referral times also fall between recorded_at and the last log entry.
 */
import * as N from './narrative';
import type { RecordTraits } from './quality';
import type { Rng } from './random';
import { asOfficerInCase, asPerson, type Roster, type StaffMember } from './roster';
import { buildScenario, type LineTemplate, type Scenario } from './scenario';
import {
  DAY,
  formatDateTime,
  HOUR,
  londonDate,
  londonHour,
  londonLocalToUtc,
  MINUTE,
  parseDate,
  type TimestampStyle,
} from './time';
import type {
  AdviceKind,
  Attendance,
  Category,
  CrimeFile,
  Filed,
  InvestigationPlan,
  LineOfEnquiry,
  LogEntry,
  Person,
  Referral,
  RiskAssessment,
  Suspect,
  Victim,
} from './types';

export interface RecordInput {
  reference: string;
  force?: string;
  category: Category;
  /** reported_at (epoch ms). */
  reportedAt: number;
  /** recorded_at (epoch ms); derived from reportedAt if omitted. */
  recordedAt?: number;
  traits: RecordTraits;
  roster: Roster;
  timestampStyle: TimestampStyle;
  /** Extraction time: open files show no activity after it; filing is capped before it. */
  asAt: number;
  /** Extra top-level `x_` fields (force-specific extras), appended after the spec fields. */
  extras?: Record<`x_${string}`, unknown>;
}

interface Timed<T> {
  at: number;
  seq: number;
  value: T;
}

export const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

/** A pseudonymised id for a member of the public, e.g. VIC-DH6TDKG. */
export function pseudoId(rng: Rng, prefix: string): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  let s = '';
  for (let i = 0; i < 7; i++) s += alphabet[rng.int(0, alphabet.length - 1)];
  return `${prefix}-${s}`;
}

/** Choose the officer in case and their supervisor for a file. */
function chooseStaff(
  rng: Rng,
  roster: Roster,
  category: Category,
  attended: boolean,
  domestic: boolean,
): { oic: StaffMember; supervisor: StaffMember } {
  if (!attended) {
    if (rng.chance(0.75)) return { oic: rng.pick(roster.investigators), supervisor: rng.pick(roster.cmuSupervisors) };
    return { oic: rng.pick(roster.response), supervisor: rng.pick(roster.sergeants) };
  }
  if (domestic && rng.chance(0.5))
    return { oic: rng.pick(roster.safeguarding), supervisor: rng.pick(roster.detectiveSergeants) };
  if ((category === 'burglary_dwelling' || category === 'robbery' || category === 'rape') && rng.chance(0.6)) {
    return { oic: rng.pick(roster.detectives), supervisor: rng.pick(roster.detectiveSergeants) };
  }
  return {
    oic: rng.pick(roster.response),
    supervisor: rng.pick(rng.chance(0.9) ? roster.sergeants : roster.inspectors),
  };
}

function chooseOutcome(
  rng: Rng,
  sc: Scenario,
  identifiedBy: Suspect['identified_by'] | undefined,
  screened: boolean,
  suspectResult?: string,
): number {
  if (identifiedBy === undefined) return rng.chance(0.9) ? 18 : 14;
  if (identifiedBy === 'dna' || identifiedBy === 'fingerprint')
    return rng.weighted<number>([
      [1, 3],
      [15, 2],
      [3, 1],
    ]);
  if (screened) return 16;
  if (suspectResult?.includes('admitted'))
    return rng.weighted<number>([
      [3, 2],
      [8, sc.category === 'criminal_damage' ? 3 : 1],
      [1, 1],
    ]);
  if (suspectResult?.includes('no comment'))
    return rng.weighted<number>([
      [16, 2],
      [15, 2],
      [1, 1],
    ]);
  if (suspectResult?.includes('self-defence'))
    return rng.weighted<number>([
      [15, 3],
      [1, 1],
    ]);
  if (suspectResult?.includes('wanted'))
    return rng.weighted<number>([
      [15, 1],
      [16, 1],
    ]);
  return rng.weighted<number>([
    [16, 4],
    [15, 2],
    [1, sc.serious ? 3 : 1.5],
    [3, 1],
    [8, sc.category === 'criminal_damage' ? 2 : 0.5],
  ]);
}

export function buildRecord(input: RecordInput, rng: Rng): CrimeFile {
  const { traits, roster, category } = input;
  const attended = traits.attendance !== 'not_attended';
  const R = input.reportedAt;
  const sc = buildScenario(category, rng, R, traits.domesticAbuse);
  const fmt = (ms: number): string => formatDateTime(ms, input.timestampStyle);
  const route: 'cc_then_crime' | 'direct_crime' = rng.chance(0.85) ? 'cc_then_crime' : 'direct_crime';

  // recorded_at: minutes to hours after the report (NCRS: within 24 h).
  const C =
    input.recordedAt ??
    R +
      Math.round(clamp(route === 'cc_then_crime' ? rng.logNormal(35, 3) : rng.logNormal(120, 3), 3, 20 * 60)) * MINUTE +
      rng.int(0, 59) * 1000;

  // End of activity: filing time, or the last update on an open file.
  let E: number;
  const filed = traits.filing.kind === 'filed';
  if (traits.filing.kind === 'filed') {
    E = C + Math.round(traits.filing.elapsedHours * HOUR);
    if (E > input.asAt - DAY && traits.filing.elapsedHours >= 48) E = Math.max(C + 48 * HOUR, input.asAt - DAY);
  } else {
    E = clamp(C + rng.logNormal(12, 2.5) * DAY, C + 2 * HOUR, Math.max(C + 2 * HOUR, input.asAt - HOUR));
  }
  if (E - C > 36 * HOUR) {
    // Files are filed (and last updated) in working hours.
    const hour = londonHour(E);
    if (hour < 7 || hour >= 22) E += (hour < 7 ? 8 - hour : 32 - hour) * HOUR + rng.int(0, 150) * MINUTE;
  }
  const span = E - C;
  /** Every entry but the filing falls strictly before the end. */
  const latest = E - Math.min(MINUTE, span / 100);
  /** Investigation activity starts at recording, or after the attending officer's first update. */
  let S = C;
  /** Most activity happens in the first three weeks; closing entries (late()) sit near the end. */
  const ACTIVE = 21 * DAY;
  const workTime = (t: number): number => {
    // Over half a day or more, desk work happens in the daytime: move night-time entries into working hours.
    if (span > 12 * HOUR) {
      const hour = londonHour(t);
      if (hour < 7 || hour >= 22) {
        const morning = t + (hour < 7 ? 8 - hour : 32 - hour) * HOUR + rng.int(0, 120) * MINUTE;
        const evening = t - (hour < 7 ? hour + 4 : hour - 20) * HOUR + rng.int(0, 60) * MINUTE;
        t = morning <= latest ? morning : evening >= S ? evening : t;
      }
    }
    return clamp(Math.round(t / 1000) * 1000, C, latest);
  };
  /** An instant at fraction f0..f1 of the active period after S. */
  const between = (f0: number, f1: number): number => workTime(S + Math.min(latest - S, ACTIVE) * rng.float(f0, f1));
  /** An instant at fraction f0..f1 of the whole time from S to the end (closing entries). */
  const late = (f0: number, f1: number): number => workTime(S + (latest - S) * rng.float(f0, f1));

  const { oic, supervisor } = chooseStaff(rng, roster, category, attended, traits.domesticAbuse);
  const oicP = asPerson(oic);
  const supP = asPerson(supervisor);
  const callHandler = rng.pick(roster.callHandlers);
  const attendingOfficer = attended
    ? oic.role === 'officer' && rng.chance(0.7)
      ? oic
      : rng.pick(roster.response)
    : undefined;

  const log: Timed<LogEntry>[] = [];
  let seq = 0;
  const addLog = (
    at: number,
    author: Person,
    type: LogEntry['type'],
    text: string,
    extra: Partial<LogEntry> = {},
  ): void => {
    log.push({ at, seq: seq++, value: { at: '', author, type, text, ...extra } });
  };

  // --- Recording ---------------------------------------------------------------------------
  const incident =
    route === 'cc_then_crime'
      ? `INC-${fmt(R).slice(2, 10).replace(/-/g, '')}-${String(Math.floor(((R / MINUTE) % 1440) * 0.6) + rng.int(1, 40)).padStart(4, '0')}`
      : undefined;
  const recorder =
    route === 'cc_then_crime'
      ? callHandler
      : rng.chance(0.5)
        ? rng.pick(roster.investigators)
        : rng.pick(roster.response);
  addLog(
    clamp(C + rng.int(0, 120) * 1000, C, latest),
    asPerson(recorder),
    'note',
    N.recordingNote(rng, sc, route, incident),
  );

  // --- Attendance --------------------------------------------------------------------------
  const attendance: Attendance = { status: traits.attendance };
  let attendedAt: number | undefined;
  if (traits.attendance === 'attended') {
    const typical =
      category.startsWith('assault') || category === 'robbery' ? rng.logNormal(25, 2) : rng.logNormal(150, 2.5);
    attendedAt = R + Math.round(Math.min(typical * MINUTE, (E - R) * 0.5) / 1000) * 1000;
  } else if (traits.attendance === 'appointment') {
    // An appointment in the daytime one to four days later (earlier if the file closes sooner).
    const [y, mo, d] = parseDate(londonDate(R + rng.int(1, 4) * DAY));
    const appt = Math.min(londonLocalToUtc(y, mo, d, rng.int(9, 18), rng.pick([0, 15, 30, 45])), R + (E - R) * 0.5);
    attendance.appointment_at = fmt(Math.round(appt / MINUTE) * MINUTE);
    attendedAt = Math.round(appt / MINUTE) * MINUTE + rng.int(0, 15) * MINUTE;
    if (attendedAt > E - MINUTE) attendedAt = Math.round(appt / MINUTE) * MINUTE;
  } else {
    attendance.decision = N.notAttendedDecision(rng, sc);
    if (rng.chance(0.1)) attendance.caller_declined = true;
  }
  let attendanceUpdateAt: number | undefined;
  /** Shortly after the attending officer's first update (advice, DASH at the scene). */
  const afterAttendance = (minMinutes: number, maxMinutes: number): number =>
    clamp((attendanceUpdateAt ?? C) + rng.int(minMinutes, maxMinutes) * MINUTE, C, latest);
  if (attendedAt !== undefined && attendingOfficer) {
    attendance.attended_at = fmt(attendedAt);
    attendance.attended_by = asPerson(attendingOfficer);
    const at = clamp(attendedAt + rng.int(20, 90) * MINUTE, C + Math.min(3 * MINUTE, span / 50), latest);
    addLog(
      at,
      asPerson(attendingOfficer),
      'investigation_update',
      N.attendanceUpdate(rng, sc, traits.attendance === 'appointment'),
    );
    attendanceUpdateAt = at;
    if (traits.attendance === 'attended') S = at;
  }

  // --- Lines of enquiry --------------------------------------------------------------------
  let plan: InvestigationPlan | undefined;
  const chosenLines: { t: LineTemplate; status: LineOfEnquiry['status']; result?: string; doneAt?: number }[] = [];
  let identifiedBy: Suspect['identified_by'] | undefined = sc.namedSuspect ? 'victim' : undefined;
  const planAt = between(0.03, 0.15);
  if (traits.plan === 'lines') {
    const lines = rng.sample(
      sc.lines.filter((l) =>
        l.category === 'suspect' ? sc.namedSuspect : l.category === 'property' ? sc.loss !== '' : true,
      ),
      rng.int(traits.supervision === 'independent' ? 3 : 2, 5),
    );
    for (const t of lines) {
      const openFile = !filed;
      const roll = rng.next();
      const status: LineOfEnquiry['status'] = openFile
        ? roll < 0.45
          ? 'outstanding'
          : roll < 0.85
            ? 'completed'
            : 'not_applicable'
        : roll < 0.04
          ? 'outstanding'
          : roll < 0.74
            ? 'completed'
            : 'not_applicable';
      const doneAt = status === 'outstanding' ? undefined : between(0.15, 0.95);
      const result =
        status === 'completed' ? rng.pick(t.results) : status === 'not_applicable' ? t.naReason : undefined;
      if (status === 'completed' && result && /suspect named/.test(result))
        identifiedBy = /DNA/.test(result)
          ? 'dna'
          : /fingerprint/.test(result)
            ? 'fingerprint'
            : (t.identifies ?? 'other');
      chosenLines.push({
        t,
        status,
        ...(result !== undefined ? { result } : {}),
        ...(doneAt !== undefined ? { doneAt } : {}),
      });
    }
    plan = {
      created_at: fmt(planAt),
      author: rng.chance(0.8) ? oicP : supP,
      lines_of_enquiry: chosenLines.map((l, i) => {
        const loe: LineOfEnquiry = {
          id: `L${i + 1}`,
          action: l.t.action,
          category: l.t.category,
          status: l.status,
          created_at: fmt(planAt),
        };
        if (l.doneAt !== undefined && l.status === 'completed') loe.completed_at = fmt(l.doneAt);
        if (l.result !== undefined) loe.result = l.result;
        return loe;
      }),
    };
    for (const l of chosenLines) {
      if (l.doneAt !== undefined && l.result !== undefined && (l.status === 'completed' || rng.chance(0.3))) {
        addLog(
          l.doneAt,
          oicP,
          'investigation_update',
          N.lineUpdate(rng, l.t, l.result, l.status === 'completed' ? 'completed' : 'not_applicable'),
        );
      }
    }
  } else {
    if (traits.plan === 'empty') plan = { created_at: fmt(planAt), author: oicP, lines_of_enquiry: [] };
    if (rng.chance(0.6)) addLog(between(0.1, 0.8), oicP, 'investigation_update', N.screeningNote(rng));
  }
  const screened = traits.plan !== 'lines';

  // --- Initial contact (desk-based files) --------------------------------------------------
  if (!attended && (traits.plan === 'lines' || rng.chance(0.6))) {
    addLog(
      between(0.01, 0.06),
      oicP,
      'victim_contact',
      N.phoneContact(
        rng,
        sc,
        chosenLines.map((l) => l.t),
      ),
      {
        contact: { channel: 'phone', purpose: 'initial' },
      },
    );
  }

  // --- Advice --------------------------------------------------------------------------------
  if (traits.advice === 'qualifying') {
    const shape = rng.weighted<'split' | 'both' | 'prevention' | 'evidence'>([
      ['split', 3],
      ['both', 3],
      ['prevention', 2],
      ['evidence', 1.5],
    ]);
    const extra: AdviceKind[] = rng.chance(0.3) ? ['victim_support'] : [];
    const adviser = attendingOfficer ? asPerson(attendingOfficer) : oicP;
    /** At the attendance (or the first phone contact), sometimes on a later follow-up. */
    const adviceAt = (): number =>
      attendanceUpdateAt !== undefined && rng.chance(0.8) ? afterAttendance(2, 25) : between(0.02, 0.25);
    if (shape === 'split' || shape === 'evidence') {
      const kinds: AdviceKind[] = ['evidence_preservation'];
      const byCall = route === 'cc_then_crime' && rng.chance(0.7);
      addLog(
        byCall ? clamp(C + rng.int(60, 300) * 1000, C, latest) : adviceAt(),
        byCall ? asPerson(callHandler) : adviser,
        'advice',
        N.adviceText(rng, sc, kinds, byCall),
        { advice: kinds },
      );
    }
    if (shape === 'split' || shape === 'prevention') {
      const kinds: AdviceKind[] = ['crime_prevention', ...extra];
      addLog(adviceAt(), adviser, 'advice', N.adviceText(rng, sc, kinds, false), { advice: kinds });
    }
    if (shape === 'both') {
      const kinds: AdviceKind[] = [
        'crime_prevention',
        'evidence_preservation',
        ...(traits.domesticAbuse ? (['safety'] as AdviceKind[]) : []),
        ...extra,
      ];
      addLog(adviceAt(), adviser, 'advice', N.adviceText(rng, sc, kinds, false), { advice: kinds });
    }
  } else if (traits.advice === 'safety_only') {
    const kinds: AdviceKind[] = rng.chance(0.5) ? ['safety'] : ['safety', 'victim_support'];
    const at = attendanceUpdateAt !== undefined ? afterAttendance(2, 25) : between(0.02, 0.3);
    addLog(at, attendingOfficer ? asPerson(attendingOfficer) : oicP, 'advice', N.adviceText(rng, sc, kinds, false), {
      advice: kinds,
    });
  }

  // --- Risk, victims, referrals ------------------------------------------------------------
  const risk: RiskAssessment[] = [];
  const referrals: Referral[] = [];
  const victim: Victim = { id: pseudoId(rng, sc.victimKind === 'business' ? 'ORG' : 'VIC') };
  const assessor = attendingOfficer ? asPerson(attendingOfficer) : oicP;
  if (traits.domesticAbuse) {
    const level = rng.weighted<'standard' | 'medium' | 'high'>([
      ['standard', 5],
      ['medium', 3.5],
      ['high', 1.5],
    ]);
    const children = rng.chance(0.3);
    const at = attendanceUpdateAt !== undefined ? afterAttendance(5, 60) : between(0.02, 0.15);
    const ra: RiskAssessment = {
      type: category === 'stalking' || category === 'harassment' ? 'stalking_harassment' : 'dash',
      at: fmt(at),
      level,
      by: assessor,
    };
    if (traits.supervision === 'independent') {
      ra.reviewed_by = supP;
      ra.reviewed_at = fmt(clamp(Math.max(at + 30 * MINUTE, between(0.15, 0.3)), C, latest));
    }
    risk.push(ra);
    addLog(at, assessor, 'risk_assessment', N.dashText(rng, level, children));
    victim.vulnerable = true;
    victim.vulnerability_reasons = ['domestic_abuse'];
    const refs: [string, Referral['type']][] = [];
    if (level !== 'standard') refs.push(['IDVA service', 'idva']);
    if (level === 'high') refs.push(['MARAC', 'marac']);
    if (children) refs.push(['MASH (children in household)', 'mash']);
    for (const [to, type] of refs) {
      const rat = clamp(Math.max(at + 5 * MINUTE, between(0.05, 0.35)), C, latest);
      referrals.push({ at: fmt(rat), to, type, by: assessor });
      addLog(rat, assessor, 'referral', N.referralText(rng, to));
    }
  } else {
    if (route === 'cc_then_crime' && rng.chance(0.5)) {
      risk.push({
        type: 'thrive',
        at: fmt(clamp(C + rng.int(0, 60) * 1000, C, E)),
        level: 'standard',
        by: asPerson(callHandler),
      });
    }
    if (rng.chance(0.08)) {
      victim.vulnerable = true;
      victim.vulnerability_reasons = [rng.pick(['age', 'disability', 'mental_health'] as const)];
    }
  }
  if (traits.victimUpdates && sc.victimKind === 'person' && rng.chance(0.4)) {
    const rat = between(0.05, 0.4);
    referrals.push({ at: fmt(rat), to: 'Victim Support', type: 'victim_support', by: oicP });
    addLog(rat, oicP, 'referral', N.referralText(rng, 'Victim Support'));
  }
  if (traits.victimUpdates || rng.chance(0.3)) {
    const repeat = rng.chance(0.12);
    victim.repeat_victim = repeat;
    victim.repeat_check = {
      done: true,
      at: fmt(between(0.01, 0.1)),
      result: repeat ? 'Previous report within 12 months \u2014 repeat victim.' : 'No previous reports in 12 months.',
    };
    if (repeat) victim.vulnerability_reasons = [...(victim.vulnerability_reasons ?? []), 'repeat'];
  }

  // --- Suspects ----------------------------------------------------------------------------
  const suspects: Suspect[] = [];
  const hasSuspect = identifiedBy !== undefined;
  const suspectLine = chosenLines.find((l) => l.t.category === 'suspect' && l.status === 'completed');
  const outcome = filed ? chooseOutcome(rng, sc, identifiedBy, screened, suspectLine?.result) : undefined;
  if (hasSuspect) {
    const s: Suspect = { id: pseudoId(rng, 'SUS'), named: true, identified_by: identifiedBy };
    if (outcome === 1) s.status = 'charged';
    else if (suspectLine?.result?.includes('wanted')) {
      s.status = 'outstanding';
      s.circulated_pnc_at = fmt(suspectLine.doneAt ?? between(0.2, 0.6));
    } else if (suspectLine?.result?.includes('arrested')) s.status = filed ? 'nfa' : 'released';
    else if (outcome === 3 || outcome === 8 || suspectLine) s.status = 'interviewed';
    else if (outcome === 16 || outcome === 15) s.status = 'nfa';
    else s.status = 'outstanding';
    suspects.push(s);
    if (sc.namedSuspect && category.startsWith('assault')) {
      victim.wishes = { supports_prosecution: outcome !== 16 && outcome !== 14, recorded_at: fmt(between(0.05, 0.3)) };
    }
  }

  // --- Victim contact ----------------------------------------------------------------------
  if (traits.victimUpdates) {
    const days = rng.pick([7, 14, 28]);
    const method = rng.pick(['phone', 'email', 'letter']);
    const nat = between(0.07, 0.2);
    victim.needs_assessment = { completed: true, at: fmt(nat), contact_agreement: { frequency_days: days, method } };
    addLog(nat, oicP, 'victim_contact', N.needsAssessmentText(rng, days, method, victim.vulnerable === true), {
      contact: { channel: 'phone', purpose: 'needs_assessment' },
    });
    const updates = span > 3 * DAY ? rng.int(1, 3) : span > 12 * HOUR ? rng.int(0, 1) : 0;
    for (let i = 0; i < updates; i++) {
      addLog(
        between(0.25, 0.9),
        oicP,
        'victim_contact',
        N.victimUpdateText(
          rng,
          sc,
          chosenLines.map((l) => l.t),
        ),
        {
          contact: { channel: rng.pick(['phone', 'email', 'sms'] as const), purpose: 'update' },
        },
      );
    }
  } else if (rng.chance(0.3)) {
    victim.needs_assessment = { completed: false };
  }
  if (traits.advice !== 'qualifying' && rng.chance(0.15)) {
    const pcso = rng.pick(roster.pcsos);
    addLog(between(0.2, 0.7), asPerson(pcso), 'victim_contact', N.reassuranceVisitText(rng), {
      contact: { channel: 'visit', purpose: 'reassurance' },
    });
  }

  // --- Supervision -------------------------------------------------------------------------
  const sig = N.signature(supP);
  if (traits.supervision === 'independent') {
    const reviewAt = between(0.12, 0.3);
    const open = chosenLines.filter(
      (l) => l.status !== 'not_applicable' && (l.doneAt === undefined || l.doneAt > reviewAt),
    );
    if (traits.plan === 'lines') {
      const directions = open.slice(0, 4).map((l) => l.t.action);
      addLog(
        reviewAt,
        supP,
        'supervisor_review',
        N.supervisorReview(rng, sig, directions, rng.pick([7, 14, 28])),
        directions.length ? { directions } : {},
      );
    } else {
      addLog(reviewAt, supP, 'supervisor_review', N.supervisorScreeningReview(rng, sig));
    }
    if (span > 10 * DAY && rng.chance(0.7)) {
      const at = between(0.45, 0.7);
      const outstanding = chosenLines
        .filter((l) => l.status === 'outstanding' || (l.doneAt !== undefined && l.doneAt > at))
        .map((l) => l.t.action);
      addLog(at, supP, 'supervisor_review', N.supervisorProgressReview(rng, sig, outstanding));
    }
    if (filed && outcome !== undefined && rng.chance(0.75)) {
      addLog(late(0.96, 0.995), supP, 'supervisor_review', N.supervisorClosingReview(rng, sig, outcome));
    }
  } else if (traits.supervision === 'self_only') {
    addLog(late(0.85, 0.99), oicP, 'supervisor_review', N.selfReview(rng));
  }

  // --- Filing ------------------------------------------------------------------------------
  let filedBlock: Filed | undefined;
  if (filed && outcome !== undefined) {
    const informed = traits.victimUpdates || rng.chance(0.35);
    const text = N.filingText(rng, outcome, screened, category.startsWith('assault') || sc.domestic);
    if (informed) {
      const at = late(0.97, 0.999);
      const channel = rng.pick(['letter', 'phone', 'email'] as const);
      addLog(at, oicP, 'victim_contact', N.outcomeContactText(rng, outcome, channel), {
        contact: { channel, purpose: 'outcome' },
      });
    }
    addLog(E, oicP, 'filing', text);
    filedBlock = { at: fmt(E), by: oicP };
    if (traits.supervision === 'independent') filedBlock.authorised_by = supP;
    else if (traits.supervision === 'self_only' || rng.chance(0.3)) filedBlock.authorised_by = oicP;
    filedBlock.reason = text;
    filedBlock.outcome = { code: outcome, description: N.OUTCOMES[outcome] ?? 'Other' };
    if (informed) {
      filedBlock.outcome.victim_informed = true;
      const last = log.filter((l) => l.value.contact?.purpose === 'outcome').pop();
      if (last) filedBlock.outcome.victim_informed_at = fmt(last.at);
    } else if (rng.chance(0.5)) {
      filedBlock.outcome.victim_informed = false;
    }
    if (outcome === 14 || outcome === 16)
      filedBlock.outcome.victim_wishes_recorded = victim.wishes !== undefined || rng.chance(0.5);
  }

  // --- Assemble ----------------------------------------------------------------------------
  log.sort((a, b) => a.at - b.at || a.seq - b.seq);
  const entries = log.map((l) => ({ ...l.value, at: fmt(l.at) }));

  const record: CrimeFile = {
    format: 'crime-file/1',
    reference: input.reference,
    ...(input.force ? { force: input.force } : {}),
    classification: {
      category,
      hocr_code: sc.hocr,
      description: sc.description,
      ...(sc.flags.length ? { flags: sc.flags } : {}),
    },
    domestic_abuse: traits.domesticAbuse,
    ...(incident ? { incident_reference: incident } : {}),
    recording_route: route,
    ...occurrenceWindow(sc, R, fmt),
    reported_at: fmt(R),
    recorded_at: fmt(C),
  };
  record.attendance = attendance;
  record.officer_in_case = asOfficerInCase(oic);
  record.victims = [victim];
  if (suspects.length) record.suspects = suspects;
  if (plan) record.investigation_plan = plan;
  if (risk.length) record.risk_assessments = risk;
  if (referrals.length) record.referrals = referrals;
  record.log = entries;
  if (filedBlock) record.filed = filedBlock;
  if (input.extras) Object.assign(record, input.extras);
  return record;
}

/** When the offence happened, as far as the victim knows: hours before the report, to the minute. */
export function occurrenceWindow(
  sc: Pick<Scenario, 'occurred'>,
  reportedAt: number,
  fmt: (ms: number) => string,
): { occurred_from?: string; occurred_to?: string } {
  if (!sc.occurred) return {};
  return {
    occurred_from: fmt(Math.round((reportedAt - sc.occurred[0]) / MINUTE) * MINUTE),
    occurred_to: fmt(Math.min(reportedAt, Math.round((reportedAt - sc.occurred[1]) / MINUTE) * MINUTE)),
  };
}
