/**
 * A second writer for the review-file tests, run as its own process:
 * `node -r tsx/cjs recordReviews.ts <sampleFolder> <prefix> <count> [crash]`. It records `count`
 * answers for rules `<prefix>-<n>` on one crime file; with `crash`, it dies (SIGKILL) after the
 * new text is on disk and before it takes the file's name.
 */
import { recordReview } from '../../../src/node/reviewWriter';
import { writeFileAtomic } from '../../../src/node/writeFileAtomic';

const [folder, prefix, count, crash] = process.argv.slice(2);
const reviewer = { id: 'INSP-07', role: 'inspector' as const };

async function main(): Promise<void> {
  if (crash) {
    await writeFileAtomic(`${folder}/reviews/INSP-07.review.yaml`, 'half of a new file', {
      overwrite: true,
      beforeReplace: async () => {
        process.kill(process.pid, 'SIGKILL');
        await new Promise((resolve) => setTimeout(resolve, 10_000));
      },
    });
    return;
  }
  for (let n = 0; n < Number(count); n++) {
    await recordReview(folder, reviewer, 'NM-1', `${prefix}-${n}`, {
      confirmed: true,
      note: `${prefix} ${n}`,
      at: new Date().toISOString(),
    });
    // A breath between answers, as between a person's: a writer that re-takes the lock the moment it
    // lets go could starve the other on a loaded machine (the lock is not fair), which is not the
    // contention this test is about.
    await new Promise((resolve) => setTimeout(resolve, 1 + Math.random() * 4));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
