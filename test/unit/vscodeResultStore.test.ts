// The extension's result store (src/vscode/resultStore.ts) in plain Node: results and tracked files
// by key, and "everything at or under a deleted file or folder".
import { strict as assert } from 'node:assert';
import { ResultStore } from '../../src/vscode/resultStore';

/** Keys as the service makes them (file URIs), paths as POSIX fsPaths. */
const uri = (file: string) => `file://${file}`;
const store = () => new ResultStore<string>({ pathOf: (key) => new URL(key).pathname, sep: '/' });

describe('vscode: ResultStore', () => {
  it('holds the latest result of each key', () => {
    const s = store();
    s.set(uri('/ws/a.crime.yaml'), 'first');
    s.set(uri('/ws/a.crime.yaml'), 'second');
    s.set(uri('/ws/b.crime.yaml'), 'b');
    assert.equal(s.get(uri('/ws/a.crime.yaml')), 'second');
    assert.equal(s.get(uri('/ws/c.crime.yaml')), undefined);
    assert.deepEqual([...s.values()], ['second', 'b']);
  });

  it('tracks files without results, and keys() is results and tracked files together, once each', () => {
    const s = store();
    s.set(uri('/ws/a.crime.yaml'), 'a');
    s.track(uri('/ws/a.crime.yaml'));
    s.track(uri('/ws/closed.crime.yaml'));
    assert.ok(s.isTracked(uri('/ws/closed.crime.yaml')));
    assert.ok(!s.isTracked(uri('/ws/other.crime.yaml')));
    assert.deepEqual([...s.keys()].sort(), [uri('/ws/a.crime.yaml'), uri('/ws/closed.crime.yaml')]);
    assert.deepEqual([...s.values()], ['a'], 'tracking alone adds no result');
  });

  it('delete() forgets the result and the tracking', () => {
    const s = store();
    s.set(uri('/ws/a.crime.yaml'), 'a');
    s.track(uri('/ws/a.crime.yaml'));
    s.delete(uri('/ws/a.crime.yaml'));
    assert.equal(s.get(uri('/ws/a.crime.yaml')), undefined);
    assert.ok(!s.isTracked(uri('/ws/a.crime.yaml')));
    assert.equal(s.keys().size, 0);
  });

  describe('at or under a deleted file or folder', () => {
    function filled() {
      const s = store();
      s.set(uri('/ws/sample/a.crime.yaml'), 'a');
      s.set(uri('/ws/sample/sub/b.crime.yaml'), 'b');
      s.track(uri('/ws/sample/sub/tracked.crime.yaml'));
      s.set(uri('/ws/sample-2/c.crime.yaml'), 'c'); // a sibling whose name starts the same
      s.set(uri('/ws/other/d.crime.yaml'), 'd');
      return s;
    }

    it('finds the folder itself and everything under it, results and tracked files alike', () => {
      assert.deepEqual(filled().keysAtOrUnder('/ws/sample').sort(), [
        uri('/ws/sample/a.crime.yaml'),
        uri('/ws/sample/sub/b.crime.yaml'),
        uri('/ws/sample/sub/tracked.crime.yaml'),
      ]);
    });

    it('does not take a sibling whose name merely starts with the folder name', () => {
      assert.ok(!filled().keysAtOrUnder('/ws/sample').includes(uri('/ws/sample-2/c.crime.yaml')));
    });

    it('accepts the folder with a trailing separator, and a single file', () => {
      assert.equal(filled().keysAtOrUnder('/ws/sample/').length, 3);
      assert.deepEqual(filled().keysAtOrUnder('/ws/sample/a.crime.yaml'), [uri('/ws/sample/a.crime.yaml')]);
      assert.deepEqual(filled().keysAtOrUnder('/ws/sample/a.crime'), [], 'a prefix of a file name is not the file');
      assert.deepEqual(filled().keysAtOrUnder('/elsewhere'), []);
    });

    it('deleteAtOrUnder() forgets them all and returns their keys; the rest stays', () => {
      const s = filled();
      const removed = s.deleteAtOrUnder('/ws/sample');
      assert.equal(removed.length, 3);
      assert.deepEqual([...s.keys()].sort(), [uri('/ws/other/d.crime.yaml'), uri('/ws/sample-2/c.crime.yaml')]);
      assert.ok(!s.isTracked(uri('/ws/sample/sub/tracked.crime.yaml')));
      assert.deepEqual([...s.values()].sort(), ['c', 'd']);
    });

    it('the root folder covers everything', () => {
      assert.equal(filled().keysAtOrUnder('/').length, 5);
    });

    it('uses the separator it is given (Windows paths)', () => {
      const s = new ResultStore<string>({ pathOf: (key) => key, sep: '\\' });
      s.set('C:\\ws\\sample\\a.crime.yaml', 'a');
      s.set('C:\\ws\\sample2\\b.crime.yaml', 'b');
      assert.deepEqual(s.keysAtOrUnder('C:\\ws\\sample'), ['C:\\ws\\sample\\a.crime.yaml']);
    });
  });
});
