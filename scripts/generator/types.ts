/**
 * TypeScript shape of a crime-file/1 record as the generator writes it (see the field spec).
 * Date-time fields are strings here: the generator formats them before output.
 */

export const CATEGORIES = [
  'burglary_dwelling',
  'burglary_other',
  'assault_with_injury',
  'assault_without_injury',
  'theft_from_vehicle',
  'criminal_damage',
  'robbery',
  'theft_from_person',
  'rape',
  'stalking',
  'harassment',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** The five crime types of HMIC's 2014 crime-file dip-sample. */
export const HMIC_2014_CATEGORIES: readonly Category[] = [
  'burglary_dwelling',
  'burglary_other',
  'assault_with_injury',
  'theft_from_vehicle',
  'criminal_damage',
];

export type PersonRole =
  'officer' | 'detective' | 'supervisor' | 'call_handler' | 'police_staff_investigator' | 'pcso' | 'csi' | 'other';

export interface Person {
  id: string;
  role: PersonRole;
  rank?: string;
  name?: string;
}

export interface OfficerInCase extends Person {
  unit?: string;
}

export type AttendanceStatus = 'attended' | 'not_attended' | 'appointment' | 'unknown';

export interface Attendance {
  status: AttendanceStatus;
  decision?: string;
  attended_at?: string;
  appointment_at?: string;
  attended_by?: Person;
  caller_declined?: boolean;
}

export type VulnerabilityReason = 'age' | 'disability' | 'domestic_abuse' | 'mental_health' | 'repeat' | 'other';

export interface Victim {
  id: string;
  vulnerable?: boolean;
  vulnerability_reasons?: VulnerabilityReason[];
  repeat_victim?: boolean;
  repeat_check?: { done: boolean; at?: string; result?: string };
  vulnerability_check?: { done: boolean; at?: string; result?: string };
  needs_assessment?: {
    completed: boolean;
    at?: string;
    contact_agreement?: { frequency_days?: number; method?: string };
  };
  wishes?: { supports_prosecution?: boolean; recorded_at?: string };
}

export interface Suspect {
  id: string;
  named?: boolean;
  identified_by?: 'witness' | 'cctv' | 'fingerprint' | 'dna' | 'victim' | 'other';
  status?: 'outstanding' | 'arrested' | 'interviewed' | 'charged' | 'released' | 'nfa';
  circulated_pnc_at?: string;
}

export type LineCategory =
  | 'scene'
  | 'witness'
  | 'house_to_house'
  | 'cctv'
  | 'forensic'
  | 'body_worn_video'
  | 'suspect'
  | 'property'
  | 'victim_statement'
  | 'linked_series'
  | 'other';

export interface LineOfEnquiry {
  id?: string;
  action: string;
  category?: LineCategory;
  status: 'completed' | 'outstanding' | 'not_applicable';
  created_at?: string;
  completed_at?: string;
  result?: string;
}

export interface InvestigationPlan {
  created_at?: string;
  author?: Person;
  lines_of_enquiry: LineOfEnquiry[];
}

export type LogType =
  | 'supervisor_review'
  | 'investigation_update'
  | 'victim_contact'
  | 'advice'
  | 'note'
  | 'risk_assessment'
  | 'referral'
  | 'filing';

export type AdviceKind = 'crime_prevention' | 'evidence_preservation' | 'safety' | 'victim_support' | 'other';
export type ContactChannel = 'phone' | 'visit' | 'letter' | 'email' | 'sms';
export type ContactPurpose = 'initial' | 'update' | 'needs_assessment' | 'outcome' | 'reassurance';

export interface LogEntry {
  at: string;
  author: Person;
  type: LogType;
  text: string;
  advice?: AdviceKind[];
  advice_method?: 'verbal' | 'written' | 'link';
  directions?: string[];
  contact?: { channel: ContactChannel; purpose?: ContactPurpose };
}

export interface RiskAssessment {
  type: 'dash' | 'thrive' | 'stalking_harassment' | 'other';
  at: string;
  level?: 'standard' | 'medium' | 'high';
  by?: Person;
  reviewed_by?: Person;
  reviewed_at?: string;
}

export interface Referral {
  at: string;
  to: string;
  type?: 'marac' | 'idva' | 'victim_support' | 'children_services' | 'adult_social_care' | 'mash' | 'other';
  by?: Person;
}

export interface Filed {
  at?: string;
  by?: Person;
  authorised_by?: Person;
  reason?: string;
  outcome?: {
    code: number;
    description?: string;
    victim_informed?: boolean;
    victim_informed_at?: string;
    victim_wishes_recorded?: boolean;
    evidence_led_considered?: boolean;
  };
}

export interface CrimeFile {
  format: 'crime-file/1';
  reference: string;
  force?: string;
  classification: { category: Category; hocr_code?: string; description?: string; flags?: string[] };
  domestic_abuse?: boolean;
  incident_reference?: string;
  recording_route?: 'cc_then_crime' | 'direct_crime';
  occurred_from?: string;
  occurred_to?: string;
  reported_at: string;
  recorded_at: string;
  attendance?: Attendance;
  officer_in_case?: OfficerInCase;
  victims?: Victim[];
  suspects?: Suspect[];
  investigation_plan?: InvestigationPlan;
  risk_assessments?: RiskAssessment[];
  referrals?: Referral[];
  log?: LogEntry[];
  filed?: Filed;
  /** Force-specific extras (`x_` keys) are allowed anywhere. */
  [extra: `x_${string}`]: unknown;
}
