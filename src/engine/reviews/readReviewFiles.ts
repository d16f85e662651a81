import { readOrReason, type EngineHost } from '../host';
import { START_OF_FILE } from '../model';
import { problem } from '../problems';
import { parseReviewFile, REVIEW_FILE_PATTERN, REVIEWS_FOLDER, type ReviewFile } from './reviewFile';

/** Reads every `reviews/*.review.yaml` of a sample folder, in name order. A file that cannot be read is a problem, never a throw. */
export async function readReviewFiles(host: EngineHost, sampleFolder: string): Promise<ReviewFile[]> {
  if (!host.listFiles) return [];
  const folder = host.path.join(sampleFolder, REVIEWS_FOLDER);
  let names: string[];
  try {
    names = await host.listFiles(folder);
  } catch {
    return [];
  }
  const files = names
    .filter((name) => REVIEW_FILE_PATTERN.test(name))
    .sort()
    .map((name) => host.path.join(folder, name));
  return Promise.all(
    files.map(async (file): Promise<ReviewFile> => {
      const text = await readOrReason(host.readFile, file);
      if (typeof text === 'string') return parseReviewFile(text, file);
      const why = text instanceof Error ? text.message : 'it is gone';
      return {
        file,
        entries: [],
        problems: [problem('unreadable-file', file, START_OF_FILE, `Review file could not be read: ${why}`)],
      };
    }),
  );
}
