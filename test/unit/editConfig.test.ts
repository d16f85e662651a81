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
