import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { recordDecision, REVIEWS_FOLDER, stampSubmitted, type RecordedDecision, type Reviewer } from '../engine';
import { readTextFile } from './nodeHost';
import { writeFileAtomic } from './writeFileAtomic';

/** A lock older than this was left by a writer that died: it is taken over. */
const STALE_LOCK_MS = 30_000;
/** How long a writer waits for another's lock before giving up with a message. */
const LOCK_WAIT_MS = 15_000;
const MAX_ATTEMPTS = 20;

export class ReviewWriteError extends Error {}

/** `reviews/<id>.review.yaml` in a sample folder. */
export function reviewFilePath(sampleFolder: string, reviewerId: string): string {
  return path.join(sampleFolder, REVIEWS_FOLDER, `${reviewerId}.review.yaml`);
}

/**
 * Records one answer in the reviewer's file of a sample, losing nothing: writers take a lock file
 * (`<file>.lock`, created exclusively) so two windows or processes never interleave a
 * read-modify-write; the new text is computed from the file as it is now and written atomically;
 * just before the rename the file is read again, and if anything changed it meanwhile (a hand edit
 * that took no lock), the answer is merged into the new text and the write retried. A file that
 * is not a readable review file is refused, never overwritten. Resolves to the text written.
 */
export function recordReview(
  sampleFolder: string,
  reviewer: Reviewer,
  reference: string,
  rule: string,
  decision: RecordedDecision,
): Promise<{ file: string; text: string }> {
  return editReviewFile(sampleFolder, reviewer, (before, file) =>
    recordDecision(before, file, reviewer, reference, rule, decision),
  );
}

/**
 * Stamps `submitted: <at>` in a trainee's review file of a sample (their marks are then final),
 * with the same lock, re-read and atomic write as an answer. Refused when the file does not read as
 * theirs or was submitted already.
 */
export function submitReview(
  sampleFolder: string,
  reviewer: Reviewer,
  at: string,
): Promise<{ file: string; text: string }> {
  return editReviewFile(sampleFolder, reviewer, (before, file) => stampSubmitted(before, file, reviewer, at));
}

/** One locked, re-checked, atomic edit of the reviewer's file: `edit` computes the new text from the current one. */
async function editReviewFile(
  sampleFolder: string,
  reviewer: Reviewer,
  edit: (before: string | undefined, file: string) => { text: string } | { refused: string },
): Promise<{ file: string; text: string }> {
  const file = reviewFilePath(sampleFolder, reviewer.id);
  await fs.mkdir(path.dirname(file), { recursive: true });
  const release = await lock(`${file}.lock`);
  try {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const before = await readTextFile(file);
      const edited = edit(before, file);
      if ('refused' in edited) throw new ReviewWriteError(edited.refused);
      try {
        await writeFileAtomic(file, edited.text, {
          overwrite: before !== undefined,
          beforeReplace: async () => {
            if ((await readTextFile(file)) !== before) throw new ChangedMeanwhile();
          },
        });
        return { file, text: edited.text };
      } catch (error) {
        // Changed by hand meanwhile, or created by someone who took no lock: merge again.
        if (error instanceof ChangedMeanwhile || (error as NodeJS.ErrnoException).code === 'EEXIST') continue;
        throw error;
      }
    }
    throw new ReviewWriteError(`${file} kept changing while it was being written: try again`);
  } finally {
    await release();
  }
}

class ChangedMeanwhile extends Error {}

/** Takes `lockFile` (exclusive create), waiting for another writer; takes over a stale one. */
async function lock(lockFile: string): Promise<() => Promise<void>> {
  const started = Date.now();
  for (let wait = 2; ; wait = Math.min(wait * 2, 50)) {
    try {
      const handle = await fs.open(lockFile, 'wx');
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      return () => fs.unlink(lockFile).catch(() => undefined);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const stats = await fs.stat(lockFile).catch(() => undefined);
    if (stats && Date.now() - stats.mtimeMs > STALE_LOCK_MS) {
      // Taking over: rename is atomic, so only one of several waiters removes the stale lock.
      const claimed = `${lockFile}.${process.pid}.${Date.now()}.stale`;
      if (
        await fs.rename(lockFile, claimed).then(
          () => true,
          () => false,
        )
      )
        await fs.unlink(claimed).catch(() => undefined);
      continue;
    }
    if (Date.now() - started > LOCK_WAIT_MS) {
      throw new ReviewWriteError(
        `${lockFile} has been held for ${Math.round((Date.now() - started) / 1000)} s by another writer: try again, or delete it if no dipsample is writing`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, wait + Math.random() * wait));
  }
}
