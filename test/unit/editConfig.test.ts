import { strict as assert } from 'node:assert';
import { setRuleSetting } from '../../src/engine';
import { lines } from './helpers';

describe('editing .dipsample.yaml for code actions', () => {
  it('creates a configuration when there is none', () => {
    const text = setRuleSetting(undefined, 'advice-given', 'off')!;
    assert.match(text, /^# dipsample configuration/);
    assert.ok(text.endsWith('rules:\n  advice-given: off\n'));
  });

  it('adds a rule setting and keeps comments and other settings', () => {
    const before = lines(
      '# Northmoor force policy',
      'extends: ../base.yaml # shared',
      'rules:',
      '  # agreed with the audit team',
      '  supervision-recorded: warning',
    );
    assert.equal(
      setRuleSetting(before, 'advice-given', 'off'),
      lines(
        '# Northmoor force policy',
        'extends: ../base.yaml # shared',
        'rules:',
        '  # agreed with the audit team',
        '  supervision-recorded: warning',
        '  advice-given: off',
      ),
    );
  });

  it('replaces an existing setting in place', () => {
    const before = lines('rules:', '  advice-given: warning # was error', '  supervision-recorded: warning');
    assert.equal(
      setRuleSetting(before, 'advice-given', 'hint'),
      lines('rules:', '  advice-given: hint # was error', '  supervision-recorded: warning'),
    );
  });

  it('keeps configured options when changing the severity', () => {
    const before = lines('rules:', '  filed-within-24h:', '    options: { threshold: 72h }');
    assert.equal(
      setRuleSetting(before, 'filed-within-24h', 'off'),
      lines('rules:', '  filed-within-24h:', '    options: { threshold: 72h }', '    severity: off'),
    );
  });

  it('adds a rules map to a file without one', () => {
    assert.equal(
      setRuleSetting('timezone: UTC\n', 'advice-given', 'off'),
      lines('timezone: UTC', 'rules:', '  advice-given: off'),
    );
  });

  it('refuses to rewrite a file it cannot read (never loses the user’s text)', () => {
    assert.equal(setRuleSetting('rules: [\n', 'advice-given', 'off'), undefined);
    assert.equal(setRuleSetting('- a\n- b\n', 'advice-given', 'off'), undefined);
  });
});

describe('editing .dipsample.yaml: one minimal edit, everything else as written', () => {
  const set = (text: string, rule = 'advice-given', setting: 'off' | 'error' | 'warning' = 'off') =>
    setRuleSetting(text, rule, setting);

  it('keeps CRLF line endings, a byte-order mark, flow style and odd indentation', () => {
    assert.equal(
      set('\ufeffrules:\r\n    supervision-recorded: warning\r\n'),
      '\ufeffrules:\r\n    supervision-recorded: warning\r\n    advice-given: off\r\n',
    );
    assert.equal(
      set('packs: [core]   # spaced\nrules: { supervision-recorded: warning }\n'),
      'packs: [core]   # spaced\nrules: { supervision-recorded: warning, advice-given: off }\n',
    );
    assert.equal(set('rules: {}\n'), 'rules: { advice-given: off }\n');
    assert.equal(
      set('rules: { advice-given: warning }\n', 'advice-given', 'error'),
      'rules: { advice-given: error }\n',
    );
  });

  it('fills an empty `rules:`, adds `rules` when missing, and edits a severity beside options', () => {
    assert.equal(set('rules:\npacks: [core]\n'), 'rules:\n  advice-given: off\npacks: [core]\n');
    assert.equal(set('packs: [core]'), 'packs: [core]\nrules:\n  advice-given: off\n');
    assert.equal(set('# only a comment\n'), '# only a comment\nrules:\n  advice-given: off\n');
    assert.equal(
      set('rules:\n  advice-given:\n    options: { kinds: [crime_prevention] }\n  other: warning\n'),
      'rules:\n  advice-given:\n    options: { kinds: [crime_prevention] }\n    severity: off\n  other: warning\n',
    );
    assert.equal(
      set('rules:\n  advice-given: { options: { a: 1 } }\n'),
      'rules:\n  advice-given: { severity: off, options: { a: 1 } }\n',
    );
    assert.equal(
      set('rules:\n  advice-given: { severity: error, options: {} }\n'),
      'rules:\n  advice-given: { severity: off, options: {} }\n',
    );
    assert.equal(
      set('rules:\n  a:\n    severity: error\n    options:\n      x: 1\n'),
      'rules:\n  a:\n    severity: error\n    options:\n      x: 1\n  advice-given: off\n',
    );
  });

  it('refuses, without throwing, what it cannot edit safely', () => {
    for (const text of [
      'rules: *alias\n',
      'x: &alias {}\nrules: *alias\n',
      'rules: []\n',
      'rules: off\n',
      '[1, 2]\n',
      'rules: [\n',
      'a: 1\na: 2\n',
    ]) {
      assert.doesNotThrow(() => set(text));
      assert.equal(set(text), undefined, text);
    }
  });

  it('applied twice in turn (two "create" fixes), gives one rules map with both settings', () => {
    const once = setRuleSetting(undefined, 'advice-given', 'off')!;
    const twice = setRuleSetting(once, 'supervision-recorded', 'warning')!;
    assert.equal((twice.match(/^rules:/gm) ?? []).length, 1);
    assert.match(twice, /advice-given: off\n  supervision-recorded: warning\n$/);
  });
});
