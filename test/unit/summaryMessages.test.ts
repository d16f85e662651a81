import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { fileRow, overviewOf, sampleInfo, SAMPLE_FORMAT_IDS } from '../../src/report';
import {
  EXPORT_FORMATS,
  isHostMessage,
  isSummaryWebviewState,
  isWebviewMessage,
} from '../../src/protocol/summaryMessages';
import { REPO_ROOT, auditFolder } from './helpers';

const SAMPLE = path.join(REPO_ROOT, 'samples', 'training-basics');

describe('summary webview messages', () => {
  let init: { type: 'init'; overview: unknown; files: unknown[] };
  before(async () => {
    const { reports, ruleSets, tally, manifest } = await auditFolder(SAMPLE);
    const sample = sampleInfo(SAMPLE, manifest, ruleSets);
    // Through JSON, as postMessage delivers it (undefined properties dropped).
    init = JSON.parse(
      JSON.stringify({
        type: 'init',
        overview: overviewOf(sample, tally),
        files: reports.filter((r) => r.findings.length > 0).map((r) => fileRow(r, SAMPLE)),
      }),
    );
  });

  it('accepts what the host sends', () => {
    assert.ok(init.files.length > 0);
    assert.ok(isHostMessage(init));
    assert.ok(
      isHostMessage({
        type: 'patch',
        overview: init.overview,
        upsert: init.files.slice(0, 1),
        remove: ['/x/a.crime.yaml'],
      }),
    );
    assert.ok(isHostMessage({ type: 'progress', progress: { done: 3, total: 8 } }));
    assert.ok(isHostMessage({ type: 'progress', progress: null }));
    assert.ok(isHostMessage({ type: 'notice', level: 'error', message: 'Not exported' }));
  });

  it('rejects malformed host messages before they reach the DOM', () => {
    const file = init.files[0] as Record<string, unknown>;
    const broken = (change: Record<string, unknown>) => ({ ...init, files: [{ ...file, ...change }] });
    assert.equal(
      isHostMessage(
        broken({
          findings: [
            {
              rule: 'x',
              severity: 'fatal',
              message: 'm',
              range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
            },
          ],
        }),
      ),
      false,
      'unknown severity',
    );
    assert.equal(
      isHostMessage(
        broken({
          findings: [
            {
              rule: 'x',
              severity: 'error',
              message: 'm',
              range: { start: { line: -1, character: 0 }, end: { line: 0, character: 0 } },
            },
          ],
        }),
      ),
      false,
      'negative line',
    );
    assert.equal(isHostMessage(broken({ reference: 42 })), false, 'reference not text');
    assert.equal(
      isHostMessage({ ...init, overview: { ...(init.overview as object), rules: [{ rule: 'x' }] } }),
      false,
      'rule row incomplete',
    );
    assert.equal(isHostMessage({ type: 'patch', overview: init.overview, upsert: [], remove: [1] }), false);
    assert.equal(isHostMessage({ type: 'script', code: 'alert(1)' }), false);
    assert.equal(isHostMessage(null), false);
    assert.equal(isHostMessage('init'), false);
  });

  it('accepts only the webview messages the host handles, with valid arguments', () => {
    const range = { start: { line: 3, character: 0 }, end: { line: 3, character: 18 } };
    assert.ok(isWebviewMessage({ type: 'ready' }));
    assert.ok(isWebviewMessage({ type: 'reveal', path: '/s/a.crime.yaml', range }));
    assert.ok(isWebviewMessage({ type: 'export', format: 'html' }));
    assert.ok(isWebviewMessage({ type: 'rendered', ms: 12.5, findings: 40 }));
    assert.ok(isWebviewMessage({ type: 'cspViolation', directive: 'script-src', blocked: 'inline' }));
    assert.equal(isWebviewMessage({ type: 'reveal', path: '/s/a.crime.yaml' }), false, 'no range');
    assert.equal(isWebviewMessage({ type: 'reveal', path: 7, range }), false);
    assert.equal(isWebviewMessage({ type: 'export', format: 'exe' }), false);
    assert.equal(isWebviewMessage({ type: 'rendered', ms: Number.NaN, findings: 1 }), false);
    assert.equal(isWebviewMessage({ type: 'runCommand', command: 'workbench.action.terminal.new' }), false);
  });

  it('offers exactly the report formats the engine renders', () => {
    assert.deepEqual([...EXPORT_FORMATS].sort(), [...SAMPLE_FORMAT_IDS].sort());
  });

  it('restores only a well-formed saved state', () => {
    assert.ok(isSummaryWebviewState({ folder: '/s', ruleFilter: '*' }));
    assert.equal(isSummaryWebviewState({ folder: 3 }), false);
    assert.equal(isSummaryWebviewState(undefined), false);
  });
});
