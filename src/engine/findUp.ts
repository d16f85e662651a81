import type { HostPaths } from './host';

/**
 * The nearest folder at or above `directory` for which `matches` holds: the one walk up the tree
 * behind the nearest configuration, the nearest sample manifest and a file's sample folder.
 * With `stop`, the walk ends at that folder (inclusive) and never leaves it.
 */
export async function findUp(
  directory: string,
  matches: (folder: string) => Promise<boolean>,
  paths: Pick<HostPaths, 'dirname'>,
  stop?: string,
): Promise<string | undefined> {
  for (let folder = directory; ;) {
    if (await matches(folder)) return folder;
    const parent = paths.dirname(folder);
    if (folder === stop || parent === folder) return undefined;
    folder = parent;
  }
}
