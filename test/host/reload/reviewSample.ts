/** The sample the reload suite's review tests make, answer and check across the reload. */
export const RELOAD_SAMPLE = 'review-reload-sample';
export const RELOAD_FILE = 'EM-17-038915.crime.yaml';
export const RELOAD_REVIEWER = 'INSP-12';
