/**
 * The Home Office crime outcomes framework, and the outcome groups HMICFRS tabulates in PEEL
 * 2021/22 (Table 1, seed 002 L408–L415, groups defined at L1469–L1473). Data, not judgment: a force
 * that files against a local code list maps it in its extract (`dipsample import`).
 */
export const HOME_OFFICE_OUTCOMES: Readonly<Record<number, string>> = {
  1: 'Charged/summonsed',
  2: 'Caution – youths',
  3: 'Caution – adults',
  4: 'Taken into consideration',
  5: 'Offender died',
  6: 'Penalty notice for disorder',
  7: 'Cannabis/khat warning',
  8: 'Community resolution',
  9: 'Not in public interest (CPS)',
  10: 'Not in public interest (police)',
  11: 'Prosecution prevented – suspect under age',
  12: 'Prosecution prevented – suspect too ill',
  13: 'Prosecution prevented – victim/key witness dead or too ill',
  14: 'Evidential difficulties: suspect not identified; victim does not support action',
  15: 'Evidential difficulties: suspect identified; victim supports action',
  16: 'Evidential difficulties: suspect identified; victim does not support action',
  17: 'Prosecution time limit expired',
  18: 'Investigation complete – no suspect identified',
  20: 'Further action by another body',
  21: 'Further investigation not in the public interest (police)',
  22: 'Diversionary, educational or intervention activity',
};

export interface OutcomeGroup {
  id: string;
  title: string;
  /** Outcome codes in the group; the "not yet assigned" group has none (files not filed). */
  codes: readonly number[];
  /** The national share of outcomes assigned, year ending 31 March 2022 (Table 1), in percent. */
  national: number;
}

/**
 * Table 1's groups. As printed, "not in public interest (CPS)" (9) is listed both among offences
 * brought to justice (L1471) and among prosecution prevented or not in the public interest (L1473);
 * the groups must not overlap for shares that add up, so it is counted in the second, where the
 * Home Office's own tables put it.
 */
export const OUTCOME_GROUPS: readonly OutcomeGroup[] = [
  { id: 'broughtToJustice', title: 'Offences brought to justice', codes: [1, 2, 3, 4, 5, 6, 7, 8, 22], national: 11.3 },
  {
    id: 'preventedOrNotInPublicInterest',
    title: 'Prosecution or further action prevented or not in the public interest',
    codes: [9, 10, 11, 12, 13, 17, 21],
    national: 2.8,
  },
  {
    id: 'evidentialVictimSupports',
    title: 'Evidential difficulties: suspect identified; victim supports action',
    codes: [15],
    national: 14.5,
  },
  {
    id: 'evidentialVictimDoesNotSupport',
    title: 'Evidential difficulties: victim does not support action',
    codes: [14, 16],
    national: 28.8,
  },
  {
    id: 'transferred',
    title: 'Responsibility for further action transferred to another body',
    codes: [20],
    national: 1.5,
  },
  { id: 'noSuspect', title: 'Investigation complete – no suspect identified', codes: [18], national: 38.2 },
  { id: 'notAssigned', title: 'Not yet assigned an outcome', codes: [], national: 2.9 },
];

/** The group of an outcome code; "not yet assigned" for no code, undefined for a code outside the framework. */
export function outcomeGroupOf(code: number | undefined): OutcomeGroup | undefined {
  if (code === undefined) return OUTCOME_GROUPS.find((group) => group.id === 'notAssigned');
  return OUTCOME_GROUPS.find((group) => group.codes.includes(code));
}
