import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { fileRow, overviewOf, sampleGroup, sampleInfo, SAMPLE_FORMAT_IDS } from '../../src/report';
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

  it('checks the outcome, timeliness and action-list tables and the row groups of a folder of samples', () => {
    const overview = init.overview as Record<string, unknown>;
    const outcomes = overview.outcomes as Record<string, unknown>;
    const [all] = overview.timeliness as Array<Record<string, unknown>>;
    const [action] = overview.actions as Array<Record<string, unknown>>;
    assert.ok(action, 'the bundled sample has an action list');
    const withOverview = (change: Record<string, unknown>) => ({ ...init, overview: { ...overview, ...change } });
    assert.equal(isHostMessage(withOverview({ outcomes: undefined })), false, 'no outcome tally');
    assert.equal(
      isHostMessage(withOverview({ outcomes: { ...outcomes, outcome16: { files: -1, of: 7 } } })),
      false,
      'a negative count',
    );
    assert.equal(
      isHostMessage(
        withOverview({ timeliness: [{ ...all, rows: [{ labels: ['All files'], measures: {}, bands: {} }] }] }),
      ),
      false,
      'a timeliness row without its bands',
    );
    assert.equal(
      isHostMessage(withOverview({ actions: [{ ...action, passage: { report: 'HMIC', quote: 7 } }] })),
      false,
      'a passage whose quote is not text',
    );
    const group = JSON.parse(JSON.stringify(sampleGroup(init.overview as Parameters<typeof sampleGroup>[0])));
    assert.ok(isHostMessage({ ...init, samples: [group, group] }), 'row groups per sample');
    assert.equal(isHostMessage({ ...init, samples: [{ ...group, files: '8' }] }), false, 'files not a count');
    assert.equal(isHostMessage({ ...init, samples: {} }), false, 'samples not a list');
  });

  it('takes a breakdown only by at most two different fields the editor reads', () => {
    assert.ok(isWebviewMessage({ type: 'breakdown', fields: [] }));
    assert.ok(isWebviewMessage({ type: 'breakdown', fields: ['officer_in_case.unit', 'victims[*].vulnerable'] }));
    assert.ok(isWebviewMessage({ type: 'ready', breakdown: ['recording_route'] }));
    assert.equal(isWebviewMessage({ type: 'breakdown', fields: ['__proto__'] }), false, 'not a field on offer');
    assert.equal(isWebviewMessage({ type: 'breakdown', fields: ['recording_route', 'recording_route'] }), false);
    assert.equal(
      isWebviewMessage({ type: 'breakdown', fields: ['recording_route', 'domestic_abuse', 'attendance.status'] }),
      false,
      'three dimensions',
    );
    assert.ok(isSummaryWebviewState({ folder: '/s', share: 'passed', breakdownFields: ['domestic_abuse'] }));
    assert.equal(isSummaryWebviewState({ folder: '/s', share: 'both' }), false);
  });

  it('offers exactly the report formats the engine renders, and the breakdowns in long format, but JSON', () => {
    assert.deepEqual([...EXPORT_FORMATS].sort(), [...SAMPLE_FORMAT_IDS, 'csv-breakdowns'].sort());
    assert.ok(isWebviewMessage({ type: 'export', format: 'csv-breakdowns' }));
    assert.equal(isWebviewMessage({ type: 'export', format: 'json' }), false);
  });

  it('restores only a well-formed saved state', () => {
    assert.ok(isSummaryWebviewState({ folder: '/s', ruleFilter: '*' }));
    assert.equal(isSummaryWebviewState({ folder: 3 }), false);
    assert.equal(isSummaryWebviewState(undefined), false);
  });
});
