import { InputError } from './findCrimeFiles';
import { MAX_FILE_BYTES } from './nodeHost';

/**
 * The whole of a stream (standard input for `dipsample audit -`) as text, decoded like a file from
 * disk (bytes that are not UTF-8 become U+FFFD, which the engine reports). Over the file limit
 * (16 MiB) it stops reading and throws InputError.
 */
export async function readStream(
  stream: AsyncIterable<Buffer | string>,
  shown = 'standard input',
  limit = MAX_FILE_BYTES,
): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += bytes.length;
    if (size > limit) throw new InputError(`${shown} could not be read: larger than ${limit / 1024 / 1024} MiB`);
    chunks.push(bytes);
  }
  return Buffer.concat(chunks).toString('utf8');
}
