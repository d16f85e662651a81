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
export { generateTrainingSample, trainingRecords, trainingManifest, TRAINING_CASES, TRAINING_SEED } from './training';
