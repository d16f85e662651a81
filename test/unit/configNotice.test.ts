import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { Auditor, type RuleSet } from '../../src/engine';
import {
  CONFIGURATION_HEADLINE,
  countOf,
  sourceCitation,
  configurationNotice,
  displayPath,
  FORMATS,
  sampleInfo,
  sampleReport,
  SampleTally,
  switchedOffRules,
  type SampleReport,
} from '../../src/report';
import { isHostMessage } from '../../src/protocol/summaryMessages';
import { overviewOf } from '../../src/report';
import { lines, memoryHost, REPO_ROOT } from './helpers';

const GOOD = readFileSync(
  path.join(REPO_ROOT, 'test', 'host', 'workspace', 'training', 'TRAIN-GOOD.crime.yaml'),
  'utf8',
);
const FOLDER = '/force/sample';
const FILE = `${FOLDER}/a.crime.yaml`;

/** The sample of one good file under the given configuration files, as the editor and `dipsample report` build it. */
async function reportFor(
  files: Record<string, string>,
): Promise<{ report: SampleReport; ruleSet: RuleSet; tally: SampleTally }> {
  const auditor = new Auditor(memoryHost({ [FILE]: GOOD, ...files }));
  const { report: fileReport, ruleSet } = await auditor.auditFile(FILE);
  const tally = new SampleTally([ruleSet]);
  tally.set(fileReport);
  return { report: sampleReport(sampleInfo(FOLDER, undefined, [ruleSet]), tally), ruleSet, tally };
}

function render(
  report: SampleReport,
  tally: SampleTally,
  format: 'markdown' | 'html' | 'csv-files' | 'csv-summary' | 'csv-verdicts',
) {
  return FORMATS[format].render({ report, reports: tally.files(), generated: 'now' });
}

const records = (text: string) => {
  const [header, ...rows] = parseCsv(text) as string[][];
  return rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i]])));
};

describe('configuration problems are never silent in a summary or an export', () => {
  it('an unclosed packs list: the configuration is not used, the audit ran with the defaults, and every output says so', async () => {
    const { report, ruleSet, tally } = await reportFor({ [`${FOLDER}/.dipsample.yaml`]: 'packs: [core\n' });
    assert.deepEqual(ruleSet.unusableConfigs, [`${FOLDER}/.dipsample.yaml`]);
    const notice = report.sample.configuration;
    assert.ok(notice, 'the report carries the notice');
    assert.deepEqual(notice.unusableFiles, [`${FOLDER}/.dipsample.yaml`]);
    assert.ok(notice.problems.length >= 1 && notice.problems.every((p) => p.file === `${FOLDER}/.dipsample.yaml`));

    const markdown = render(report, tally, 'markdown');
    assert.match(markdown, /> \*\*Warning: The configuration has problems/);
    assert.match(markdown, /\.dipsample\.yaml could not be used: its packs and rule settings are not applied/);
    assert.match(markdown, /\.dipsample\.yaml line 1: /);

    const html = render(report, tally, 'html');
    assert.match(html, /<div class="config-notice" role="alert"><p><strong>Warning: The configuration has problems/);
    assert.match(html, /\.dipsample\.yaml could not be used/);

    for (const format of ['csv-files', 'csv-summary', 'csv-verdicts'] as const) {
      const rows = records(render(report, tally, format));
      const ruleColumn = format === 'csv-verdicts' ? 'verdict' : 'rule';
      assert.equal(rows[0][ruleColumn], 'configuration', `${format}: the notice comes first`);
      const text = rows
        .filter((row) => row[ruleColumn] === 'configuration')
        .map((row) => Object.values(row).join(' '))
        .join('\n');
      assert.ok(text.includes(CONFIGURATION_HEADLINE), `${format}: ${text}`);
      assert.match(text, /\.dipsample\.yaml could not be used/, format);
    }
  });

  it('a pack that does not exist and a pack that does not parse: both named as not loaded', async () => {
    const { report, ruleSet } = await reportFor({
      '/force/.dipsample.yaml': lines('packs:', '  - core', '  - no-such-pack', '  - ./force.pack.yaml'),
      '/force/force.pack.yaml': 'pack: force\nrules: [\n',
    });
    assert.deepEqual(ruleSet.unloadedPacks, ['no-such-pack', './force.pack.yaml']);
    const notice = report.sample.configuration!;
    assert.deepEqual(notice.unloadedPacks, ['no-such-pack', './force.pack.yaml']);
    assert.deepEqual(report.sample.packs, ['core'], 'only core ran');
    const markdown = FORMATS.markdown.render({ report, reports: [], generated: 'now' });
    assert.match(
      markdown,
      /Rule packs not loaded \(none of their rules audited\): no-such-pack, \.\/force\.pack\.yaml/,
    );
    assert.match(markdown, /\.\.\/\.dipsample\.yaml line 3: No built-in rule pack "no-such-pack"/);
    assert.match(
      markdown,
      /\.\.\/force\.pack\.yaml line \d+: /,
      'the broken pack’s own problem, relative to the sample',
    );
  });

  it('a rule whose options are wrong is named as not audited', async () => {
    const { report } = await reportFor({
      [`${FOLDER}/.dipsample.yaml`]: lines('rules:', '  filed-within-24h: { options: { threshold: soon } }'),
    });
    assert.deepEqual(report.sample.configuration?.brokenRules, ['filed-within-24h']);
    assert.ok(!report.rules.some((rule) => rule.rule === 'filed-within-24h'));
  });

  it('a sound configuration has no notice', async () => {
    const { report, tally } = await reportFor({ [`${FOLDER}/.dipsample.yaml`]: 'packs: [core]\n' });
    assert.equal(report.sample.configuration, undefined);
    assert.equal(configurationNotice([]), undefined);
    assert.doesNotMatch(render(report, tally, 'markdown'), /Warning/);
    assert.ok(!records(render(report, tally, 'csv-summary')).some((row) => row.rule === 'configuration'));
  });
});

describe('a switched-off rule is listed as switched off', () => {
  const files = {
    '/force/.dipsample.yaml': lines('rules:', '  advice-given: off'),
    [`${FOLDER}/.dipsample.yaml`]: lines('extends: ../.dipsample.yaml', 'rules:', '  supervision-recorded: off'),
  };

  it('names the file that switched it off, in the model and every export', async () => {
    const { report, ruleSet, tally } = await reportFor(files);
    assert.deepEqual(ruleSet.disabledIn, {
      'advice-given': '/force/.dipsample.yaml',
      'supervision-recorded': `${FOLDER}/.dipsample.yaml`,
    });
    assert.deepEqual(
      report.sample.switchedOff
        ?.map(({ rule, file, pack }) => ({ rule, file, pack }))
        .sort((a, b) => a.rule.localeCompare(b.rule)),
      [
        { rule: 'advice-given', file: '/force/.dipsample.yaml', pack: 'core' },
        { rule: 'supervision-recorded', file: `${FOLDER}/.dipsample.yaml`, pack: 'core' },
      ],
    );
    assert.deepEqual(switchedOffRules([ruleSet]), report.sample.switchedOff);
    assert.equal(report.sample.configuration, undefined, 'switching a rule off is not a problem');
    assert.ok(!report.rules.some((rule) => rule.rule === 'advice-given'), 'no counts for a rule that did not run');

    const markdown = render(report, tally, 'markdown');
    assert.match(markdown, /\| .*\(advice-given\) \| — \| — \| — \| — \| switched off in \.\.\/\.dipsample\.yaml \|/);
    assert.match(markdown, /\(supervision-recorded\) \| — \| — \| — \| — \| switched off in \.dipsample\.yaml \|/);
    const html = render(report, tally, 'html');
    assert.match(
      html,
      /<tr class="switched-off"><th scope="row">[^<]+<span class="note">\(advice-given\)<\/span><\/th><td colspan="5" class="note">switched off in \.\.\/\.dipsample\.yaml<\/td><\/tr>/,
    );

    const summary = records(render(report, tally, 'csv-summary'));
    const off = summary.find((row) => row.rule === 'advice-given');
    assert.ok(off, 'a csv-summary row');
    assert.equal(off.severity, 'off');
    assert.equal(off.failed, '');
    assert.match(off.title, /switched off in \.\.\/\.dipsample\.yaml/);
    const perFile = records(render(report, tally, 'csv-files')).find((row) => row.rule === 'advice-given');
    assert.equal(perFile?.outcome, 'switched off');
    assert.equal(perFile?.message, 'switched off in ../.dipsample.yaml');
  });

  it('passes the webview’s guard, which drops a malformed notice', async () => {
    const { report, tally } = await reportFor({ ...files, '/force/.dipsample.yaml': 'packs: [core\n' });
    const overview = overviewOf(report.sample, tally);
    assert.ok(overview.sample.configuration && overview.sample.switchedOff);
    const message = { type: 'init', overview, files: [] };
    assert.ok(isHostMessage(JSON.parse(JSON.stringify(message))));
    const broken = JSON.parse(JSON.stringify(message));
    broken.overview.sample.configuration.problems[0].line = 'one';
    assert.ok(!isHostMessage(broken));
    const badOff = JSON.parse(JSON.stringify(message));
    badOff.overview.sample.switchedOff[0].file = 3;
    assert.ok(!isHostMessage(badOff));
  });
});

describe('displayPath', () => {
  it('is relative to the sample folder, with ../ above it', () => {
    assert.equal(displayPath('/force/sample/.dipsample.yaml', '/force/sample'), '.dipsample.yaml');
    assert.equal(displayPath('/force/.dipsample.yaml', '/force/sample'), '../.dipsample.yaml');
    assert.equal(displayPath('/force/packs/x.pack.yaml', '/force/sample/'), '../packs/x.pack.yaml');
    assert.equal(displayPath('C:\\force\\a\\.dipsample.yaml', 'C:\\force\\a'), '.dipsample.yaml');
    assert.equal(displayPath('(settings)', '/force/sample'), '(settings)');
  });
});

describe('editor wording', () => {
  it('cites a passage by report and paragraph, never by seed file and line', () => {
    const source = {
      report: 'HMIC, Core business (2014)',
      seed: '000_56737e18024d146d.txt',
      paragraph: '4.99',
      line: 1673,
      quote: 'evidence of an investigation plan',
    };
    assert.equal(sourceCitation(source), 'HMIC, Core business (2014), para 4.99');
    assert.equal(sourceCitation({ report: 'Lancashire letter', paragraph: 'Annex A' }), 'Lancashire letter, Annex A');
    assert.equal(sourceCitation({ report: 'Lancashire letter' }), 'Lancashire letter');
  });

  it('counts in the singular for one', () => {
    assert.equal(countOf(1, 'file'), '1 file');
    assert.equal(countOf(0, 'file'), '0 files');
    assert.equal(countOf(2, 'finding'), '2 findings');
  });
});
