/**
 * Log-entry wording in the style of officers' crime-report updates (British police idiom:
 * IP, OIC, H2H, BWV, CAD, PNC, DASH, MO, THRIVE, MG11, "filed pending further information").
 * Every function picks among variants so that a sample does not read as one template repeated.
 */
import type { LineTemplate, Scenario } from './scenario';
import type { Rng } from './random';
import type { Person } from './types';

function cap(s: string): string {
  return s.length ? s[0]!.toUpperCase() + s.slice(1) : s;
}

/** Lower-case the first letter unless the first word is an acronym (CSI, BWV, H2H…). */
export function lcFirst(s: string): string {
  return s.length > 1 && /^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s;
}

function sentence(s: string): string {
  const t = s.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

/** How officers sign entries: collar number for officers, staff number for staff. */
export function signature(p: Person): string {
  return p.id;
}

/** The crime-recording note that opens the log. */
export function recordingNote(
  rng: Rng,
  sc: Scenario,
  route: 'cc_then_crime' | 'direct_crime',
  incident?: string,
): string {
  const incidentNo = incident ? incident.slice(-4) : '';
  if (route === 'cc_then_crime') {
    return rng.pick([
      `Crime recorded from CAD ${incidentNo}. ${sentence(sc.summary)}`,
      `CAD ${incidentNo}: ${sentence(sc.summary)} Crime raised under NCRS.`,
      `Incident ${incident}. ${sentence(sc.summary)} Crimed by control room.`,
      sc.summary.includes(sc.place)
        ? `${sentence(sc.summary)} Crime recorded from incident log.`
        : `${sentence(sc.summary)} Location: ${sc.place}. Crime recorded from incident log.`,
    ]);
  }
  return rng.pick([
    `Online report received. ${sentence(sc.summary)}`,
    `Reported at the front counter. ${sentence(sc.summary)}`,
    `Report taken by phone (101) direct to crime recording. ${sentence(sc.summary)}`,
  ]);
}

/** Rationale recorded for not attending (attendance.decision). */
export function notAttendedDecision(rng: Rng, sc: Scenario): string {
  const why = rng.pick(sc.notAttendedRationale);
  return rng.pick([
    `THRIVE: threat low, harm low, no vulnerability identified. ${why} Allocated to CMU.`,
    `${why} Resolved without deployment per force attendance policy.`,
    `Not deployed. ${why}`,
  ]);
}

/** First telephone contact by a desk-based investigator. */
export function phoneContact(rng: Rng, sc: Scenario, lines: readonly LineTemplate[]): string {
  const cctv = lines.some((l) => l.category === 'cctv')
    ? rng.pick([`IP believes ${sc.cctv} may have CCTV.`, `Possible CCTV at ${sc.cctv} \u2014 to check.`])
    : rng.pick(['No CCTV on street.', 'IP not aware of any CCTV.']);
  const h2h = lines.some((l) => l.category === 'house_to_house') ? ` House-to-house requested for ${sc.h2h}.` : '';
  const detail =
    sc.mo && sc.lossPhrase
      ? `${cap(sc.mo)}, ${sc.lossPhrase}.`
      : sentence(cap(sc.summary.replace(/^(IP|Keyholder) (reports )?/, '')));
  return rng.pick([
    `Spoke to IP by phone. ${detail} ${cctv}${h2h}`,
    `Telephone contact with IP. Account confirmed: ${detail} ${cctv}${h2h}`,
    `Called IP, no answer; voicemail left. Called back at lunchtime. ${detail} ${cctv}${h2h}`,
  ]);
}

/** The attending officer's first update. */
export function attendanceUpdate(rng: Rng, sc: Scenario, appointment: boolean): string {
  const finding = rng.pick(sc.attendedFinding);
  return appointment
    ? rng.pick([`Appointment kept at IP's home address. ${finding}`, `Seen by appointment. ${finding}`])
    : finding;
}

/** An investigation update recording the result of a line of enquiry. */
export function lineUpdate(
  rng: Rng,
  line: LineTemplate,
  result: string,
  status: 'completed' | 'not_applicable',
): string {
  const label: Record<string, string> = {
    house_to_house: 'H2H',
    cctv: 'CCTV',
    forensic: 'Forensics',
    body_worn_video: 'BWV',
    victim_statement: 'Statement',
    witness: 'Witnesses',
    suspect: 'Suspect',
    property: 'Property',
    linked_series: 'Series check',
    scene: 'Scene',
    other: 'Update',
  };
  const head = label[line.category] ?? 'Update';
  if (status === 'not_applicable') {
    return rng.pick([`${head}: not pursued. ${result}`, `${line.action} \u2014 N/A. ${result}`]);
  }
  return rng.pick([
    `${head}: ${result}`,
    `${line.action}. ${result}`,
    `Update \u2014 ${lcFirst(line.action)}: ${result}`,
  ]);
}

/** Notes written on files with no proper plan (the HMIC "little or no investigation" pattern). */
export function screeningNote(rng: Rng): string {
  return rng.pick([
    'No lines of enquiry.',
    'No CCTV, no witnesses, no forensic opportunity. Solvability factors not met.',
    'Screened under crime allocation policy: no named suspect, no realistic lines of enquiry.',
    'Checked for CCTV \u2014 none. Nothing further.',
    'IP to recontact if any further information comes to light.',
  ]);
}

/** Advice text and kinds. */
export function adviceText(rng: Rng, sc: Scenario, kinds: readonly string[], byCallHandler: boolean): string {
  const parts: string[] = [];
  if (kinds.includes('evidence_preservation')) parts.push(rng.pick(sc.advice.evidence));
  if (kinds.includes('crime_prevention')) parts.push(rng.pick(sc.advice.crimePrevention));
  if (kinds.includes('safety')) parts.push(rng.pick(sc.advice.safety));
  if (kinds.includes('victim_support'))
    parts.push(
      rng.pick([
        'Victim Support details given.',
        'Victim Support leaflet and number provided.',
        'Told about the Victims\u2019 Code and Victim Support.',
      ]),
    );
  const prefix = byCallHandler ? rng.pick(['Call handler: ', 'Advice at point of call: ', '']) : '';
  return prefix + parts.join(' ');
}

export function needsAssessmentText(rng: Rng, days: number, method: string, vulnerable: boolean): string {
  return rng.pick([
    `Victim needs assessment completed by phone. IP wants updates every ${days} days by ${method}.${vulnerable ? ' Enhanced service under the Victims\u2019 Code.' : ' No further support needs identified.'}`,
    `VNA done with IP. Contact agreed: ${method}, every ${days} days.${vulnerable ? ' Vulnerable \u2014 enhanced entitlements explained.' : ' Not vulnerable.'}`,
    `Needs assessment completed. IP happy with ${method} updates (${days}-day cycle).`,
  ]);
}

export function victimUpdateText(rng: Rng, sc: Scenario, lines: readonly LineTemplate[]): string {
  const has = (c: string) => lines.some((l) => l.category === c);
  const options = [
    'IP updated by phone: enquiries continuing.',
    'Attempted update \u2014 no answer. Text message sent asking IP to call back.',
    'IP called in for an update; informed that enquiries are continuing.',
  ];
  if (has('cctv')) options.push(`Update sent to IP by email: CCTV enquiries ongoing at ${sc.cctv}.`);
  if (has('cctv') && has('house_to_house'))
    options.push('Called IP to update on CCTV and H2H results. IP understands the position.');
  if (has('forensic')) options.push('IP updated: forensic submission made, results awaited.');
  if (sc.lossPhrase) options.push('IP updated by phone. IP asked about insurance crime number \u2014 provided.');
  if (has('suspect')) options.push('IP updated on the suspect enquiries; IP still supports a prosecution.');
  return rng.pick(options);
}

/** A victim contact that mentions advice in passing but is not an advice entry. */
export function reassuranceVisitText(rng: Rng): string {
  return rng.pick([
    'PCSO reassurance visit. IP given the usual advice and a leaflet.',
    'Reassurance call to IP. Usual advice given.',
    'Reassurance visit by neighbourhood team. IP happy with police response.',
  ]);
}

export function outcomeContactText(rng: Rng, code: number, channel: 'letter' | 'phone' | 'email'): string {
  const filedUndetected = code === 18 || code === 14;
  switch (channel) {
    case 'letter':
      return filedUndetected
        ? rng.pick([
            'Letter sent to IP: investigation filed pending further information; outcome explained.',
            'Filing letter sent to IP with the crime reference and Victim Support details.',
          ])
        : 'Outcome letter sent to IP.';
    case 'email':
      return filedUndetected
        ? 'Email to IP: crime filed pending further information; will be reopened if new evidence comes to light.'
        : 'Email to IP confirming the outcome.';
    case 'phone':
      return filedUndetected
        ? rng.pick([
            'IP informed by phone that the crime is being filed. IP understands and will call if anything further comes to light.',
            'Rang IP to explain the filing decision. IP disappointed but understands.',
          ])
        : 'IP informed of the outcome by phone and is satisfied.';
  }
}

export function dashText(rng: Rng, level: 'standard' | 'medium' | 'high', children: boolean): string {
  const ticks = level === 'high' ? rng.int(14, 20) : level === 'medium' ? rng.int(7, 13) : rng.int(2, 6);
  return rng.pick([
    `DASH completed with IP: ${ticks} ticks, assessed ${level.toUpperCase()}.`,
    `DASH risk assessment completed at scene. ${ticks} yes answers. Risk ${level.toUpperCase()}.${level === 'high' ? ' Duty inspector informed.' : ''}`,
    `DASH: ${level.toUpperCase()} (${ticks}/27). ${children ? 'Children in household \u2014 MASH referral.' : 'No children in household.'}`,
  ]);
}

export function referralText(rng: Rng, to: string): string {
  return rng.pick([
    `Referral to ${to} submitted.`,
    `${to} referral made with IP\u2019s consent.`,
    `Referred to ${to}.`,
  ]);
}

/** An independent supervisor's review that sets actions. */
export function supervisorReview(rng: Rng, sig: string, directions: readonly string[], reviewDays: number): string {
  const opening = rng.pick([
    'Reviewed. Lines of enquiry proportionate.',
    'Crime reviewed. Investigation plan agreed.',
    'Supervisor review: initial actions appropriate.',
    'Reviewed with OIC.',
  ]);
  if (directions.length === 0) {
    return `${opening} No further actions. Review ${reviewDays} days. ${sig}`;
  }
  const acts = directions.map((d, i) => `${i + 1}) ${lcFirst(d)}`);
  return rng.chance(0.5)
    ? `${opening} Actions: ${acts.join(' ')}. Review ${reviewDays} days. ${sig}`
    : `${opening}\nActions:\n${acts.join('\n')}\nReview ${reviewDays} days. ${sig}`;
}

/** An independent review of a file with no proportionate lines of enquiry. */
export function supervisorScreeningReview(rng: Rng, sig: string): string {
  return rng.pick([
    `Reviewed. No proportionate lines of enquiry; agree screening decision. Ensure IP is informed. ${sig}`,
    `Supervisor review: agree no further investigation at this time. Filed pending further information. ${sig}`,
    `Seen. Agree. ${sig}`,
  ]);
}

/** An interim progress review. */
export function supervisorProgressReview(rng: Rng, sig: string, outstanding: readonly string[]): string {
  if (outstanding.length > 0) {
    return rng.pick([
      `Progress reviewed. Outstanding: ${outstanding.map(lcFirst).join('; ')}. Chase and update. Review 14 days. ${sig}`,
      `Reviewed. ${outstanding.length} action(s) outstanding \u2014 OIC to prioritise. ${sig}`,
    ]);
  }
  return rng.pick([`Progress reviewed, actions complete. ${sig}`, `Reviewed, investigation progressing. ${sig}`]);
}

/** The closing review agreeing to filing. */
export function supervisorClosingReview(rng: Rng, sig: string, code: number): string {
  return rng.pick([
    `Reviewed prior to filing. All proportionate lines of enquiry complete; IP updated. Agree outcome ${code}. ${sig}`,
    `Agree filing, outcome ${code}. ${sig}`,
    `File reviewed. Investigation complete and proportionate. Authorised for filing. ${sig}`,
  ]);
}

/** A "supervisor review" written by the officer in case about their own investigation. */
export function selfReview(rng: Rng): string {
  return rng.pick([
    'Supervisor review: enquiries complete. File.',
    'Reviewed \u2014 no further lines. NFA.',
    'Supervisory review completed. Filed pending further information.',
    'Review: all actions complete.',
  ]);
}

export const OUTCOMES: Readonly<Record<number, string>> = {
  1: 'Charged/summonsed',
  3: 'Caution \u2013 adults',
  8: 'Community resolution',
  14: 'Evidential difficulties: suspect not identified; victim does not support further action',
  15: 'Evidential difficulties: named suspect identified; victim supports action',
  16: 'Evidential difficulties: named suspect identified; victim does not support action',
  18: 'Investigation complete \u2013 no suspect identified',
};

export function filingText(rng: Rng, code: number, screened: boolean, personal = true): string {
  if (code === 18) {
    return screened
      ? rng.pick([
          'No lines of enquiry. Filed pending further information.',
          'Filed \u2014 solvability factors not met. Outcome 18.',
          'Crime filed undetected pending further information.',
          'Filed. IP to recontact with any further information.',
        ])
      : rng.pick([
          'All reasonable lines of enquiry completed, no suspect identified. Filed pending further information \u2014 outcome 18.',
          'Enquiries exhausted. Filed undetected; can be reopened if forensic or CCTV evidence comes to light.',
          'Investigation complete \u2013 no suspect identified (outcome 18). IP informed.',
        ]);
  }
  switch (code) {
    case 1:
      return rng.pick([
        'SUSP1 charged. Remanded to first court.',
        'CPS authorised charge. SUSP1 bailed to court. File finalised outcome 1.',
      ]);
    case 3:
      return 'SUSP1 admitted the offence in interview; adult caution administered. IP consulted and agrees.';
    case 8:
      return 'Community resolution agreed with IP: apology and payment for the damage. Outcome 8.';
    case 14:
      return 'IP does not wish to support further police action and no suspect identified. Outcome 14.';
    case 15:
      return 'Named suspect; evidence insufficient for charge despite IP\u2019s support (CPS advice). Outcome 15.';
    case 16:
    default:
      if (!personal) {
        return rng.pick([
          'IP does not wish to support a prosecution; wants the matter recorded for insurance purposes only. Outcome 16.',
          'Suspect named by IP but IP will not provide a statement. Outcome 16.',
        ]);
      }
      return rng.pick([
        'IP does not support a prosecution; signed retraction obtained. Evidence-led prosecution considered \u2014 insufficient. Outcome 16.',
        'IP withdrew support; no independent evidence. Filed outcome 16.',
      ]);
  }
}
