/** Synthetic crime-file sample generator (pure: no file system, no vscode). */
export { Rng, normalCdf, seedFromString, type Seed, type Weighted } from './random';
export * from './time';
export * from './types';
export { buildRoster, type Roster, type StaffMember } from './roster';
export { buildScenario, type Scenario, type LineTemplate } from './scenario';
export {
  resolveTraits,
  ratesFor,
  attendanceRate,
  filingDelayHours,
  type QualityProfile,
  type QualityRates,
  type QualityOverride,
  type RecordTraits,
  type AttendanceKind,
} from './quality';
export { buildRecord, type RecordInput } from './record';
export { toYaml, toYamlReference, toJson, serialize, SYNTHETIC_NOTICE, type FileFormat } from './serialize';
export {
  generateSample,
  generateRecords,
  iterateRecords,
  iterateSample,
  sampleManifest,
  manifestText,
  recordFile,
  fileName,
  DEFAULT_TIMESTAMP_STYLES,
  GENERATOR_TOOL,
  GENERATOR_VERSION,
  type SampleSpec,
  type SampleManifest,
  type CategoryWeight,
  type Stratum,
  type SelectionMethod,
  type GeneratedFile,
  type GeneratedRecord,
} from './sample';
export { HMIC_2014_NORTHMOOR, HMIC_2014_PROFILE, GOOD_PRACTICE_PROFILE, largeSampleSpec, forceCode } from './presets';
export {
  generateTrainingSample,
  trainingKey,
  trainingRecords,
  trainingManifest,
  TRAINING_CASES,
  TRAINING_KEY_REVIEWER,
  TRAINING_SEED,
} from './training';
export {
  PEEL_2122_HARROWDALE,
  PEEL_2122_PROFILE,
  PEEL_2122_RATES,
  applyVictimServiceLayer,
  iteratePeel2122Records,
  iteratePeel2122Sample,
  generatePeel2122Sample,
  type VictimServiceRates,
} from './peel2122';
export {
  generateLancashireUnattendedSample,
  generateLancashireSuspectsSample,
  lancashireUnattendedRecords,
  lancashireSuspectRecords,
  lancashireUnattendedManifest,
  lancashireSuspectsManifest,
  LANCASHIRE_SEED,
  LANCASHIRE_STYLE_FORCE,
  LANCASHIRE_UNATTENDED_PATTERNS,
  LANCASHIRE_SUSPECT_PATTERNS,
  type UnattendedPattern,
  type SuspectPattern,
  type SuspectFileRecord,
  type WantedSuspect,
} from './hmic2014Lancashire';
export {
  PEEL_2017_CATEGORIES,
  PEEL_2017_PROFILE,
  PEEL_2017_FILE_REVIEW,
  enrichPeel2017,
  iteratePeel2017Records,
  iteratePeel2017Sample,
  generatePeel2017Sample,
} from './peel2017';
