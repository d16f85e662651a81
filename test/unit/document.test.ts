import { strict as assert } from 'node:assert';
import { ParsedDocument } from '../../src/engine/parse/document';
import { lines, range } from './helpers';

describe('parsed documents keep positions', () => {
  const yaml = lines(
    'format: crime-file/1', //            0
    'reference: NM/13/0001', //           1
    'investigation_plan:', //             2
    '  lines_of_enquiry: []', //          3
    'log:', //                            4
    '  - at: 2013-11-04T10:00', //        5
    '    author: { id: PC 1, role: officer }', // 6
    '    type: note', //                  7
    'filed:', //                          8
    'empty:', //                          9
  );
  const document = new ParsedDocument(yaml, 'yaml');

  it('parses values as plain data, timestamps left as text', () => {
    assert.equal(document.problems.length, 0);
    assert.equal((document.value as { log: Array<{ at: unknown }> }).log[0].at, '2013-11-04T10:00');
  });

  it('locates a scalar at its value', () => {
    assert.deepEqual(document.locate(['reference']).range, range(1, 11, 1, 21));
    assert.deepEqual(document.locate(['log', 0, 'type']).range, range(7, 10, 7, 14));
  });

  it('locates a block map or list at its key', () => {
    assert.deepEqual(document.locate(['investigation_plan']).range, range(2, 0, 2, 18));
    assert.deepEqual(document.locate(['log']).range, range(4, 0, 4, 3));
  });

  it('locates an empty flow list at the list itself', () => {
    assert.deepEqual(document.locate(['investigation_plan', 'lines_of_enquiry']).range, range(3, 20, 3, 22));
  });

  it('locates a list item at its first line', () => {
    assert.deepEqual(document.locate(['log', 0]).range, range(5, 4, 5, 24));
  });

  it('locates a key with no value at the key', () => {
    assert.deepEqual(document.locate(['empty']).range, range(9, 0, 9, 5));
    assert.deepEqual(document.locate(['filed']).range, range(8, 0, 8, 5));
  });

  it('locates a missing field at its deepest existing ancestor', () => {
    const location = document.locate(['investigation_plan', 'created_at']);
    assert.equal(location.exact, false);
    assert.deepEqual(location.path, ['investigation_plan']);
    assert.deepEqual(location.range, range(2, 0, 2, 18));
    assert.deepEqual(document.locate(['log', 3, 'text']).path, ['log']);
  });

  it('locates a missing top-level field at the first line of the record', () => {
    assert.deepEqual(document.locate(['officer_in_case']).range, range(0, 0, 0, 20));
  });

  it('locates keys for unknown-field findings', () => {
    assert.deepEqual(document.locateKey(['log', 0, 'type']), range(7, 4, 7, 8));
  });

  it('handles CRLF line endings', () => {
    const crlf = new ParsedDocument('a: 1\r\nb: two\r\n', 'yaml');
    assert.deepEqual(crlf.locate(['b']).range, range(1, 3, 1, 6));
  });

  describe('syntax errors', () => {
    it('reports malformed YAML at the offending place without throwing', () => {
      const bad = new ParsedDocument(lines('reference: a', 'log: [1, 2', 'type: x'), 'yaml');
      assert.equal(bad.value, undefined);
      assert.ok(bad.problems.length > 0);
      assert.match(bad.problems[0].message, /^Invalid YAML: /);
      assert.ok(bad.problems[0].range.start.line >= 1);
    });

    it('reports duplicate keys', () => {
      const bad = new ParsedDocument(lines('reference: a', 'reference: b'), 'yaml');
      assert.match(bad.problems[0].message, /Map keys must be unique/);
      assert.equal(bad.problems[0].range.start.line, 1);
    });

    it('reports more than one document in a file', () => {
      const bad = new ParsedDocument(lines('reference: a', '---', 'reference: b'), 'yaml');
      assert.ok(bad.problems.length > 0);
    });

    it('reports malformed JSON strictly (trailing commas, comments) with a position', () => {
      const trailing = new ParsedDocument('{\n  "reference": "a",\n}\n', 'json');
      assert.equal(trailing.value, undefined);
      assert.match(trailing.problems[0].message, /^Invalid JSON: /);
      assert.equal(trailing.problems[0].range.start.line, 2);
      const comment = new ParsedDocument('{ // note\n "a": 1 }', 'json');
      assert.match(comment.problems[0].message, /comments are not allowed/);
    });

    it('locates JSON values like YAML ones', () => {
      const json = new ParsedDocument('{\n  "reference": "NM/1",\n  "log": []\n}\n', 'json');
      assert.deepEqual(json.problems, []);
      assert.deepEqual(json.locate(['reference']).range, range(1, 15, 1, 21));
      assert.deepEqual(json.locate(['log']).range, range(2, 9, 2, 11));
    });

    it('reads an empty file as no record rather than failing', () => {
      const empty = new ParsedDocument('', 'yaml');
      assert.deepEqual(empty.problems, []);
      assert.equal(empty.value, null);
    });
  });
});
