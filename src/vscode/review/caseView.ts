/**
 * A crime file as a readable case for the Review panel: key dates with the time between them,
 * victims and risk, the investigation plan, the officers' log, each entry with the line it starts on
 * and the findings pinned to it. Pure (no editor API): unit-tested in test/unit/reviewMessages.test.ts.
 * A record that breaks the schema (missing fields, wrong types) is shown for what it holds; nothing
 * here throws on it.
 */
import { DEFAULT_TIME_ZONE, ParsedDocument, toInstant, type Finding, type PathSegment } from '../../engine';
import type {
  CaseFact,
  CaseItem,
  CaseSection,
  CaseSectionId,
  CaseView,
  PinnedFinding,
  SourceLine,
} from '../../protocol/reviewMessages';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** A scalar as text; a map or list (where a scalar belongs) is said to be one rather than dropped. */
export function textOf(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  return Array.isArray(value) ? `(a list of ${value.length})` : '(a map)';
}

const words = (value: unknown): string | undefined => textOf(value)?.replace(/_/g, ' ');

function yesNo(value: unknown, missing = 'not recorded'): string {
  if (value === true) return 'yes';
  if (value === false) return 'no';
  return textOf(value) ?? missing;
}

/** "2017-01-02 12:54" for an ISO timestamp (the offset kept when the file gives one); else the text as written. */
export function timeText(value: unknown): string | undefined {
  const text = textOf(value);
  if (text === undefined) return undefined;
  const match = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (!match) return text;
  const [, date, time, offset] = match;
  return [date, time, offset === 'Z' ? 'UTC' : offset].filter(Boolean).join(' ');
}

/** "1 h 32 min", "2 d 4 h", "45 s"; a negative span reads "−…" (a date before the one it follows). */
export function elapsedText(ms: number): string {
  const sign = ms < 0 ? '−' : '';
  let rest = Math.round(Math.abs(ms) / 1000);
  if (rest < 60) return `${sign}${rest} s`;
  rest = Math.round(rest / 60);
  const days = Math.floor(rest / 1440);
  const hours = Math.floor((rest % 1440) / 60);
  const minutes = rest % 60;
  if (days > 0) return `${sign}${days} d${hours > 0 ? ` ${hours} h` : ''}`;
  if (hours > 0) return `${sign}${hours} h${minutes > 0 ? ` ${minutes} min` : ''}`;
  return `${sign}${minutes} min`;
}

/** "PC 6277 (officer)", "Insp 343 (supervisor) Michelle Brindledale". */
function personText(value: unknown): string | undefined {
  if (!isObject(value)) return textOf(value);
  const id = textOf(value.id);
  const role = words(value.role);
  const name = textOf(value.name);
  const text = [id, role ? `(${role})` : undefined, name].filter(Boolean).join(' ');
  return text || undefined;
}

function facts(...entries: Array<[string, string | undefined]>): CaseFact[] {
  return entries
    .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '')
    .map(([label, value]) => ({ label, value }));
}

/** Which section a field of the record belongs to, by its first path segment. */
const SECTION_OF: Record<string, CaseSectionId> = {
  occurred_from: 'dates',
  occurred_to: 'dates',
  reported_at: 'dates',
  recorded_at: 'dates',
  attendance: 'dates',
  filed: 'dates',
  victims: 'victims',
  risk_assessments: 'victims',
  referrals: 'victims',
  protective_orders: 'victims',
  investigation_plan: 'plan',
  suspects: 'plan',
  officer_in_case: 'plan',
  log: 'log',
};

const SECTION_TITLES: Record<CaseSectionId, string> = {
  overview: 'The record',
  dates: 'Key dates',
  victims: 'Victims and risk',
  plan: 'Investigation',
  log: 'Officers’ log',
};

interface Anchor {
  paths: PathSegment[][];
  item: CaseItem;
}

class CaseBuilder {
  readonly sections = new Map<CaseSectionId, CaseSection>();
  private readonly anchors: Anchor[] = [];

  constructor(private readonly document: ParsedDocument | undefined) {
    for (const id of Object.keys(SECTION_TITLES) as CaseSectionId[])
      this.sections.set(id, { id, title: SECTION_TITLES[id], line: 0, character: 0, items: [], findings: [] });
  }

  at(path: PathSegment[]): SourceLine {
    if (!this.document) return { line: 0, character: 0 };
    const { start } = this.document.locate(path).range;
    return { line: start.line, character: start.character };
  }

  /** Places a section at the first of `paths` the file has. */
  placeSection(id: CaseSectionId, paths: PathSegment[][]): void {
    const section = this.sections.get(id)!;
    for (const path of paths) {
      if (this.document?.locate(path).exact) {
        Object.assign(section, this.at(path));
        return;
      }
    }
  }

  add(
    section: CaseSectionId,
    paths: PathSegment[][],
    item: Omit<CaseItem, 'line' | 'character' | 'findings' | 'facts'> & { facts?: CaseFact[] },
  ): CaseItem {
    const full: CaseItem = { ...this.at(paths[0]), facts: [], ...item, findings: [] };
    this.sections.get(section)!.items.push(full);
    this.anchors.push({ paths, item: full });
    return full;
  }

  /**
   * Pins a finding to the entry whose path is the longest prefix of its path, else to its section.
   * A finding about a missing field points at the record's root: `hint` (the field the rule reads)
   * places it instead.
   */
  pin(finding: Finding, hint?: PathSegment[]): void {
    const pinned: PinnedFinding = {
      rule: finding.rule,
      severity: finding.severity,
      message: finding.message,
      line: finding.range.start.line,
      character: finding.range.start.character,
    };
    const own = Array.isArray(finding.path) ? finding.path : [];
    const path = own.length === 0 && hint && hint.length > 0 ? hint : own;
    let best: { item: CaseItem; length: number } | undefined;
    for (const anchor of this.anchors) {
      for (const anchorPath of anchor.paths) {
        if (anchorPath.length > path.length || anchorPath.length <= (best?.length ?? 0)) continue;
        if (anchorPath.every((segment, index) => String(segment) === String(path[index])))
          best = { item: anchor.item, length: anchorPath.length };
      }
    }
    if (best) {
      best.item.findings.push(pinned);
      return;
    }
    const first = path.length > 0 ? String(path[0]) : '';
    this.sections.get(SECTION_OF[first] ?? 'overview')!.findings.push(pinned);
  }
}

/**
 * The case view of a crime file's text. `findings` are the file's findings (every rule, syntax and
 * schema included); `timeZone` reads timestamps without an offset, as the audit does.
 */
export function buildCaseView(
  text: string,
  format: 'yaml' | 'json',
  findings: readonly Finding[],
  timeZone: string = DEFAULT_TIME_ZONE,
  fieldOf: (rule: string) => string | undefined = () => undefined,
): CaseView {
  let document: ParsedDocument | undefined;
  let unreadable: string | undefined;
  try {
    document = new ParsedDocument(text, format);
    if (document.problems.length > 0) {
      const [problem] = document.problems;
      unreadable = `Line ${problem.range.start.line + 1}: ${problem.message}`;
    }
  } catch (error) {
    unreadable = `The file could not be read: ${String(error)}`;
  }
  const builder = new CaseBuilder(unreadable ? undefined : document);
  const record: Json = !unreadable && isObject(document?.value) ? document.value : {};
  if (!unreadable) {
    try {
      overview(builder, record);
      dates(builder, record, timeZone);
      victims(builder, record);
      plan(builder, record);
      log(builder, record);
    } catch (error) {
      // A shape no branch above foresaw: show what was built, and say so.
      unreadable = `Part of the record could not be shown: ${String(error)}`;
    }
  }
  for (const finding of findings) builder.pin(finding, hintPath(fieldOf(finding.rule)));
  const classification = isObject(record.classification) ? record.classification : {};
  const view: CaseView = { sections: [...builder.sections.values()] };
  const reference = textOf(record.reference) ?? textOf(record.crime_reference);
  if (reference !== undefined) view.reference = reference;
  const category = words(classification.category);
  if (category !== undefined) view.category = category;
  const description = textOf(classification.description);
  if (description !== undefined) view.description = description;
  if (unreadable) view.unreadable = unreadable;
  return view;
}

/** "investigation_plan.lines_of_enquiry[*].status" → ["investigation_plan", "lines_of_enquiry", "status"]. */
export function hintPath(field: string | undefined): PathSegment[] | undefined {
  if (!field) return undefined;
  const segments = field
    .split('.')
    .map((segment) => segment.replace(/\[[^\]]*\]/g, ''))
    .filter((segment) => segment !== '');
  return segments.length > 0 ? segments : undefined;
}

function overview(builder: CaseBuilder, record: Json): void {
  builder.placeSection('overview', [['reference'], ['format']]);
  builder.add(
    'overview',
    [
      ['reference'],
      ['crime_reference'],
      ['format'],
      ['kind'],
      ['force'],
      ['domestic_abuse'],
      ['incident_reference'],
      ['recording_route'],
    ],
    {
      id: 'overview.record',
      title: 'Record',
      badge: words(record.kind),
      facts: facts(
        ['Force', textOf(record.force)],
        ['Domestic abuse', yesNo(record.domestic_abuse)],
        ['Recording route', words(record.recording_route)],
        ['Incident', textOf(record.incident_reference)],
      ),
    },
  );
  const classification = record.classification;
  if (classification !== undefined) {
    const c = isObject(classification) ? classification : {};
    builder.add('overview', [['classification']], {
      id: 'overview.classification',
      title: textOf(c.description) ?? words(c.category) ?? textOf(classification) ?? 'Classification',
      badge: words(c.category),
      facts: facts(
        ['Home Office code', textOf(c.hocr_code)],
        ['Flags', list(c.flags).map(words).filter(Boolean).join(', ') || undefined],
      ),
    });
  }
}

function dates(builder: CaseBuilder, record: Json, timeZone: string): void {
  builder.placeSection('dates', [['occurred_from'], ['reported_at'], ['recorded_at'], ['attendance'], ['filed']]);
  let previous: { instant: number; label: string } | undefined;
  const timed = (label: string, value: unknown): { badge?: string; meta?: string } => {
    const instant = toInstant(value, timeZone);
    const shown = timeText(value) ?? 'no time recorded';
    if (instant === undefined) return { meta: value === undefined ? shown : `${shown} (not a timestamp)` };
    const since = previous
      ? `${elapsedText(instant - previous.instant)} after ${previous.label.toLowerCase()}`
      : undefined;
    previous = { instant, label };
    return { meta: shown, badge: since };
  };

  if (record.occurred_from !== undefined || record.occurred_to !== undefined) {
    const from = timeText(record.occurred_from);
    const to = timeText(record.occurred_to);
    builder.add('dates', [['occurred_from'], ['occurred_to']], {
      id: 'dates.occurred',
      title: 'Occurred',
      meta: from && to && from !== to ? `${from} – ${to}` : (from ?? to),
    });
  }
  builder.add('dates', [['reported_at']], {
    id: 'dates.reported',
    title: 'Reported',
    ...timed('Reported', record.reported_at),
  });
  builder.add('dates', [['recorded_at']], {
    id: 'dates.recorded',
    title: 'Recorded',
    ...timed('Recorded', record.recorded_at),
  });

  const attendance = record.attendance;
  if (attendance !== undefined) {
    const a = isObject(attendance) ? attendance : {};
    const status = words(a.status) ?? textOf(attendance);
    const when = a.attended_at ?? a.appointment_at;
    const title =
      a.attended_at !== undefined ? 'Attended' : a.appointment_at !== undefined ? 'Appointment' : 'Attendance';
    const time = when !== undefined ? timed(title, when) : { meta: 'no time recorded' };
    builder.add('dates', [['attendance']], {
      id: 'dates.attendance',
      title,
      ...time,
      facts: facts(
        ['Status', status],
        ['Decision', words(a.decision)],
        ['Attended by', personText(a.attended_by)],
        ['Caller declined', a.caller_declined === undefined ? undefined : yesNo(a.caller_declined)],
      ),
    });
  }

  const filed = record.filed;
  if (filed !== undefined) {
    const f = isObject(filed) ? filed : {};
    const time = timed('Filed', f.at);
    const instant = toInstant(f.at, timeZone);
    const reported = toInstant(record.reported_at, timeZone);
    const outcome = isObject(f.outcome) ? f.outcome : undefined;
    builder.add('dates', [['filed']], {
      id: 'dates.filed',
      title: 'Filed',
      ...time,
      facts: facts(
        [
          'Reported to filed',
          instant !== undefined && reported !== undefined ? elapsedText(instant - reported) : undefined,
        ],
        ['By', personText(f.by)],
        ['Authorised by', personText(f.authorised_by)],
        ['Reason', textOf(f.reason)],
        [
          'Outcome',
          outcome
            ? [textOf(outcome.code), textOf(outcome.description)].filter(Boolean).join(' – ') || undefined
            : textOf(f.outcome),
        ],
        [
          'Victim informed',
          outcome && outcome.victim_informed !== undefined ? yesNo(outcome.victim_informed) : undefined,
        ],
      ),
    });
  } else {
    builder.add('dates', [['filed']], { id: 'dates.filed', title: 'Filed', meta: 'not filed' });
  }
}

function needsText(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (!isObject(value)) return textOf(value);
  const done = value.completed === true ? 'completed' : value.completed === false ? 'not completed' : 'not recorded';
  const at = timeText(value.at);
  return at ? `${done} ${at}` : done;
}

function contactText(value: unknown): string | undefined {
  const agreement = isObject(value) && isObject(value.contact_agreement) ? value.contact_agreement : undefined;
  if (!agreement) return undefined;
  const method = words(agreement.method);
  const days = textOf(agreement.frequency_days);
  return [method, days ? `every ${days} days` : undefined].filter(Boolean).join(', ') || undefined;
}

function checkText(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (!isObject(value)) return textOf(value);
  const done = value.done === true ? 'done' : value.done === false ? 'not done' : 'not recorded';
  return [done, textOf(value.result)].filter(Boolean).join(': ');
}

function victims(builder: CaseBuilder, record: Json): void {
  builder.placeSection('victims', [['victims'], ['risk_assessments'], ['referrals']]);
  const section = builder.sections.get('victims')!;
  list(record.victims).forEach((victim, index) => {
    const v = isObject(victim) ? victim : {};
    const reasons = list(v.vulnerability_reasons).map(words).filter(Boolean).join(', ');
    builder.add('victims', [['victims', index]], {
      id: `victims.${index}`,
      title: textOf(v.id) ?? `Victim ${index + 1}`,
      badge: v.vulnerable === true ? 'vulnerable' : v.repeat_victim === true ? 'repeat victim' : undefined,
      facts: facts(
        ['Vulnerable', yesNo(v.vulnerable)],
        ['Vulnerability reasons', reasons || undefined],
        ['Vulnerability check', checkText(v.vulnerability_check)],
        ['Repeat victim', yesNo(v.repeat_victim)],
        ['Repeat check', checkText(v.repeat_check)],
        ['Needs assessment', needsText(v.needs_assessment) ?? 'not recorded'],
        ['Contact agreed', contactText(v.needs_assessment)],
      ),
    });
  });
  list(record.risk_assessments).forEach((assessment, index) => {
    const r = isObject(assessment) ? assessment : {};
    const type = textOf(r.type);
    builder.add('victims', [['risk_assessments', index]], {
      id: `risk.${index}`,
      title: `Risk assessment${type ? ` (${type.toUpperCase().replace(/_/g, ' ')})` : ''}`,
      badge: r.level !== undefined ? `${words(r.level)} risk` : 'no risk level',
      meta: [timeText(r.at), personText(r.by)].filter(Boolean).join(' · ') || undefined,
      facts: facts(['Reviewed by', personText(r.reviewed_by)], ['Reviewed', timeText(r.reviewed_at)]),
    });
  });
  list(record.referrals).forEach((referral, index) => {
    const r = isObject(referral) ? referral : {};
    builder.add('victims', [['referrals', index]], {
      id: `referrals.${index}`,
      title: `Referral${textOf(r.to) ? ` to ${textOf(r.to)}` : ''}`,
      badge: words(r.type),
      meta: [timeText(r.at), personText(r.by)].filter(Boolean).join(' · ') || undefined,
    });
  });
  list(record.protective_orders).forEach((order, index) => {
    const o = isObject(order) ? order : {};
    builder.add('victims', [['protective_orders', index]], {
      id: `orders.${index}`,
      title: `Protective order${textOf(o.type) ? `: ${words(o.type)}` : ''}`,
      badge: words(o.status),
    });
  });
  if (section.items.length === 0) section.empty = 'No victims, risk assessments or referrals on the file.';
}

const STATUS_WORDS: Record<string, string> = {
  completed: 'completed',
  outstanding: 'outstanding',
  not_applicable: 'not applicable',
};

function plan(builder: CaseBuilder, record: Json): void {
  builder.placeSection('plan', [['investigation_plan'], ['officer_in_case'], ['suspects']]);
  const section = builder.sections.get('plan')!;
  if (record.officer_in_case !== undefined) {
    const o = isObject(record.officer_in_case) ? record.officer_in_case : {};
    builder.add('plan', [['officer_in_case']], {
      id: 'plan.officer',
      title: 'Officer in case',
      meta: personText(record.officer_in_case),
      facts: facts(['Unit', textOf(o.unit)]),
    });
  }
  const investigation = record.investigation_plan;
  if (investigation !== undefined) {
    const p = isObject(investigation) ? investigation : {};
    const lines = list(p.lines_of_enquiry);
    const counts = new Map<string, number>();
    for (const line of lines) {
      const status = isObject(line) ? (textOf(line.status) ?? 'no status') : 'no status';
      counts.set(status, (counts.get(status) ?? 0) + 1);
    }
    builder.add('plan', [['investigation_plan']], {
      id: 'plan.plan',
      title: 'Investigation plan',
      badge: `${lines.length} line${lines.length === 1 ? '' : 's'} of enquiry`,
      meta: [timeText(p.created_at), personText(p.author)].filter(Boolean).join(' · ') || undefined,
      facts: facts([
        'Status',
        [...counts]
          .map(([status, count]) => `${count} ${STATUS_WORDS[status] ?? status.replace(/_/g, ' ')}`)
          .join(', ') || undefined,
      ]),
    });
    lines.forEach((line, index) => {
      const l = isObject(line) ? line : {};
      const status = textOf(l.status);
      builder.add('plan', [['investigation_plan', 'lines_of_enquiry', index]], {
        id: `plan.line.${index}`,
        title: textOf(l.action) ?? textOf(line) ?? `Line of enquiry ${index + 1}`,
        badge: status ? (STATUS_WORDS[status] ?? status.replace(/_/g, ' ')) : 'no status',
        meta: [textOf(l.id), words(l.category)].filter(Boolean).join(' · ') || undefined,
        facts: facts(
          ['Result', textOf(l.result)],
          ['Created', timeText(l.created_at)],
          ['Completed', timeText(l.completed_at)],
        ),
      });
    });
  }
  list(record.suspects).forEach((suspect, index) => {
    const s = isObject(suspect) ? suspect : {};
    builder.add('plan', [['suspects', index]], {
      id: `suspects.${index}`,
      title: `Suspect ${textOf(s.id) ?? index + 1}`,
      badge: words(s.status),
    });
  });
  if (investigation === undefined) section.empty = 'No investigation plan on the file.';
}

function log(builder: CaseBuilder, record: Json): void {
  builder.placeSection('log', [['log']]);
  const section = builder.sections.get('log')!;
  const entries = list(record.log);
  entries.forEach((entry, index) => {
    const e = isObject(entry) ? entry : {};
    const contact = isObject(e.contact) ? e.contact : undefined;
    builder.add('log', [['log', index]], {
      id: `log.${index}`,
      title: textOf(e.text) ?? textOf(entry) ?? '(no text)',
      badge: words(e.type),
      meta: [timeText(e.at) ?? 'no time', personText(e.author) ?? 'no author'].join(' · '),
      facts: facts(
        ['Directions', list(e.directions).map(textOf).filter(Boolean).join('; ') || undefined],
        ['Advice', list(e.advice).map(words).filter(Boolean).join(', ') || undefined],
        ['Contact', contact ? [words(contact.channel), words(contact.purpose)].filter(Boolean).join(', ') : undefined],
      ),
    });
  });
  if (entries.length === 0) section.empty = 'No log entries on the file.';
}
