/**
 * The latest audit result of each file and the files a folder audit or summary tracks (kept, and
 * re-audited, while closed), keyed by strings (the service uses file URIs). No editor API.
 */
export interface ResultStoreOptions {
  /** The file-system path a key stands for (for "at or under a folder"). */
  pathOf(key: string): string;
  /** The platform's path separator. */
  sep: string;
}

export class ResultStore<T> {
  private readonly results = new Map<string, T>();
  private readonly tracked = new Set<string>();

  constructor(private readonly options: ResultStoreOptions) {}

  get(key: string): T | undefined {
    return this.results.get(key);
  }

  set(key: string, result: T): void {
    this.results.set(key, result);
  }

  /** Every result held. */
  values(): IterableIterator<T> {
    return this.results.values();
  }

  /** Keep `key` while its file is closed. */
  track(key: string): void {
    this.tracked.add(key);
  }

  isTracked(key: string): boolean {
    return this.tracked.has(key);
  }

  /** Every key with a result or tracked: the files a configuration change re-audits. */
  keys(): Set<string> {
    return new Set([...this.results.keys(), ...this.tracked]);
  }

  /** Forgets the result of `key` but keeps tracking it (a file left out of audits, for now). */
  deleteResult(key: string): boolean {
    return this.results.delete(key);
  }

  /** Forgets `key`: its result and its tracking. */
  delete(key: string): void {
    this.results.delete(key);
    this.tracked.delete(key);
  }

  /** Keys whose path is `folder` itself or lies under it (a deleted file or folder). */
  keysAtOrUnder(folder: string): string[] {
    const { pathOf, sep } = this.options;
    const prefix = folder.endsWith(sep) ? folder : folder + sep;
    return [...this.keys()].filter((key) => {
      const file = pathOf(key);
      return file === folder || file.startsWith(prefix);
    });
  }

  /** Forgets every key at or under `folder`; returns the keys forgotten. */
  deleteAtOrUnder(folder: string): string[] {
    const keys = this.keysAtOrUnder(folder);
    keys.forEach((key) => this.delete(key));
    return keys;
  }
}
