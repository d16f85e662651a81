import type { FileReport, RuleSet, SampleReviews } from '../engine';
import { AuditCache, entryKey, ruleSetHash, type CacheEntry } from '../node/auditCache';
import type { FileFingerprint } from '../node/auditJob';

/** A result worth saving: audited from the file on disk (an editor buffer's is not what the file holds). */
export interface SavableResult {
  file: string;
  report: FileReport;
  ruleSet: RuleSet;
  reviews: SampleReviews;
  fingerprint: FileFingerprint;
  /** What else the key depends on (as for `restore`). */
  context: Record<string, unknown>;
}

/**
 * The editor's last results, kept across window reloads in the extension's own storage (never in the
 * user's folders), in the CLI's cache format (`dipsample-cache/1`, AuditCache). An entry is restored
 * only when its key still matches — the rule set's files and options, the review answers on the file —
 * and the caller then checks the file's content before trusting it for good.
 */
export class SavedResults {
  private cache: Promise<AuditCache>;
  /** The cache was rewritten since it was read: read it again before the next lookup. */
  private stale = false;
  private readonly hashes = new WeakMap<RuleSet, Promise<string>>();

  constructor(
    readonly file: string,
    private readonly tool: string,
  ) {
    this.cache = AuditCache.open(file, tool);
  }

  /** Why the saved file was not used (not ours, another version, unreadable); undefined when it was. */
  async discarded(): Promise<string | undefined> {
    return (await this.cache).discarded;
  }

  /** The saved entry of `file` when it was made with this rule set and these review answers. */
  async restore(
    file: string,
    ruleSet: RuleSet,
    reviews: SampleReviews,
    context: Record<string, unknown>,
  ): Promise<CacheEntry | undefined> {
    if (this.stale) {
      this.stale = false;
      this.cache = AuditCache.open(this.file, this.tool);
    }
    const entry = (await this.cache).lookup(file);
    if (!entry || entry.file !== file) return undefined;
    return entry.key === (await this.keyOf(ruleSet, reviews, entry.report.reference, context)) ? entry : undefined;
  }

  /** Saves `results`, keeping the saved entries of other files that still exist (atomic). */
  async save(results: Iterable<SavableResult>): Promise<void> {
    const cache = await AuditCache.open(this.file, this.tool);
    for (const { file, report, ruleSet, reviews, fingerprint, context } of results) {
      if (report.internalError) continue; // may pass next time
      const key = await this.keyOf(ruleSet, reviews, report.reference, context);
      cache.record({ file, ...fingerprint, key, report });
    }
    await cache.save();
    this.stale = true;
  }

  private async keyOf(
    ruleSet: RuleSet,
    reviews: SampleReviews,
    reference: string | undefined,
    context: Record<string, unknown>,
  ): Promise<string> {
    let hash = this.hashes.get(ruleSet);
    if (!hash) {
      hash = ruleSetHash(ruleSet, context);
      this.hashes.set(ruleSet, hash);
    }
    return entryKey(await hash, reviews.fingerprintOf(reference));
  }
}
