/**
 * The facts inspectors cut their tables by (vulnerable victim, telephone investigation, the unit
 * and the investigator, the recording route, …), as field paths of the crime-file format. The editor
 * reads these off every file it audits, so the summary can break down by any of them without a
 * re-audit; `dipsample report --by` takes any path.
 */
export interface BreakdownFieldChoice {
  path: string;
  /** A column heading: short. */
  title: string;
  /** What the values mean for an inspector, where the title does not say it. */
  hint?: string;
}

export const BREAKDOWN_FIELD_CHOICES: readonly BreakdownFieldChoice[] = [
  { path: 'victims[*].vulnerable', title: 'Vulnerable victim' },
  { path: 'attendance.status', title: 'Attendance', hint: 'telephone investigation: not attended' },
  { path: 'officer_in_case.unit', title: 'Investigating unit', hint: 'e.g. Telephone Investigation Unit' },
  { path: 'officer_in_case.role', title: 'Investigator type' },
  { path: 'officer_in_case.accredited', title: 'Investigator accredited' },
  { path: 'officer_in_case.pip_level', title: 'Investigator PIP level' },
  { path: 'recording_route', title: 'Recording route' },
  { path: 'classification.category', title: 'Crime category' },
  { path: 'domestic_abuse', title: 'Domestic abuse flag' },
  { path: 'filed.outcome.code', title: 'Outcome code', hint: 'Home Office' },
];

export const BREAKDOWN_FIELD_PATHS: readonly string[] = BREAKDOWN_FIELD_CHOICES.map((choice) => choice.path);
