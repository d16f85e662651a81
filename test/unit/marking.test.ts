// Marking mode's pure parts: who is marking a sample (a trainee until they submit), the report a
// marking trainee may see, their progress; the submit stamp (comments kept, refused on a broken,
// foreign or submitted file) and the refusal to record after it; the Review panel's marking
// criteria and mark checks, and the mark and submit messages' guards.
import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import {
  markingProgress,
  markingStateFor,
  marksFor,
  maskForMarking,
  parseReviewFile,
  recordDecision,
  stampSubmitted,
  type FileReport,
  type Reviewer,
  type RuleSet,
} from '../../src/engine';
import { recordReview, ReviewWriteError, submitReview } from '../../src/node/reviewWriter';
import { isReviewView, isReviewWebviewMessage } from '../../src/protocol/reviewMessages';
import { markAnswer, markingCriteriaOf } from '../../src/vscode/review/reviewPanelModel';
import { auditFolder, lines, REPO_ROOT } from './helpers';

const PEEL = path.join(REPO_ROOT, 'samples', 'peel-2017-file-review');
const TRAINEE: Reviewer = { id: 'TRN-1', name: 'A. Trainee', role: 'trainee' };
const AT = '2026-12-01T10:00:00.000Z';
const FILE = '/sample/reviews/TRN-1.review.yaml';

const reviewText = (id: string, role: string, ...rest: string[]) =>
  lines('# my marks', 'format: dipsample-review/1', `reviewer: { id: ${id}, role: ${role} }`, ...rest);
const parsed = (id: string, role: string, ...rest: string[]) =>
  parseReviewFile(reviewText(id, role, ...rest), `/sample/reviews/${id}.review.yaml`);

describe('marking mode: who marks, and what a marking trainee sees', () => {
  it('is on for a trainee (by setting or by their review file) until their file is submitted', () => {
    const own = parsed('TRN-1', 'trainee', 'files:', '  NM-1:', '    advice-given: { outcome: failed }');
    const key = parsed('KEY-1', 'trainer', 'files: {}');
    const state = markingStateFor(TRAINEE, [key, own]);
    assert.ok(state);
    assert.equal(state.reviewer.id, 'TRN-1');
    assert.equal(state.reviewFile, own);
    // No review file yet: marking, with nothing marked.
    assert.deepEqual(markingStateFor(TRAINEE, [key]), { reviewer: TRAINEE });
    // The settings say inspector, but the sample's file says trainee: still marking.
    const asInspector: Reviewer = { id: 'TRN-1', role: 'inspector' };
    assert.equal(markingStateFor(asInspector, [own])?.reviewer.role, 'trainee');
    // Submitted: marking is over.
    assert.equal(markingStateFor(TRAINEE, [parsed('TRN-1', 'trainee', `submitted: ${AT}`, 'files: {}')]), undefined);
  });

  it('is off for trainers, inspectors and nobody', () => {
    const key = parsed('KEY-1', 'trainer', 'files: {}');
    assert.equal(markingStateFor({ id: 'KEY-1', role: 'trainer' }, [key]), undefined);
    assert.equal(markingStateFor({ id: 'INSP-07', role: 'inspector' }, [key]), undefined);
    assert.equal(markingStateFor(undefined, [key]), undefined);
  });

  it('masks every criterion’s outcome and findings, keeping the file’s own syntax and schema problems', async () => {
    const { reports, ruleSets } = await auditFolder(PEEL);
    const report = reports.find((candidate) => candidate.findings.length > 0)!;
    const ruleSet = ruleSets[0];
    const withSchema: FileReport = {
      ...report,
      findings: [...report.findings, { ...report.findings[0], rule: 'schema', message: 'broken' }],
    };
    const masked = maskForMarking(withSchema, ruleSet);
    assert.deepEqual(masked.results, []);
    assert.deepEqual(
      masked.findings.map((finding) => finding.rule),
      ['schema'],
    );
    assert.equal(masked.reference, report.reference);
    assert.ok(report.results.length > 0, 'the original is untouched');
  });

  it('counts the criteria of a file the trainee has marked', () => {
    const ruleSet = { rules: [{ id: 'a' }, { id: 'b' }, { id: 'c' }] } as unknown as RuleSet;
    const own = parsed(
      'TRN-1',
      'trainee',
      'files:',
      '  NM-1:',
      '    a: { outcome: passed }',
      '    c: { answer: effective }',
      '    gone: { outcome: failed }',
      '  NM-2:',
      '    b: { outcome: failed }',
    );
    const state = markingStateFor(TRAINEE, [own])!;
    assert.deepEqual(markingProgress(state, 'NM-1', ruleSet), { marked: 2, total: 3 });
    assert.deepEqual(markingProgress(state, undefined, ruleSet), { marked: 0, total: 3 });
    assert.deepEqual([...marksFor(state, 'NM-2').keys()], ['b']);
  });
});

describe('submitting marks', () => {
  it('stamps submitted after the reviewer, keeping comments and entries', () => {
    const text = reviewText('TRN-1', 'trainee', 'files:', '  NM-1:', '    advice-given: { outcome: failed } # why');
    const stamped = stampSubmitted(text, FILE, TRAINEE, AT);
    assert.ok('text' in stamped);
    assert.equal(
      stamped.text,
      reviewText(
        'TRN-1',
        'trainee',
        `submitted: ${AT}`,
        'files:',
        '  NM-1:',
        '    advice-given: { outcome: failed } # why',
      ),
    );
    const read = parseReviewFile(stamped.text, FILE);
    assert.deepEqual(read.problems, []);
    assert.equal(read.submitted, AT);
  });

  it('keeps CRLF line endings, and starts a new file for a trainee who marked nothing', () => {
    const crlf = reviewText('TRN-1', 'trainee', 'files: {}').replace(/\n/g, '\r\n');
    const stamped = stampSubmitted(crlf, FILE, TRAINEE, AT);
    assert.ok('text' in stamped && stamped.text.includes(`submitted: ${AT}\r\n`));
    assert.ok(!('text' in stamped) || !/[^\r]\n/.test(stamped.text));
    const fresh = stampSubmitted(undefined, FILE, TRAINEE, AT);
    assert.ok('text' in fresh);
    const read = parseReviewFile(fresh.text, FILE);
    assert.deepEqual(read.problems, []);
    assert.deepEqual([read.reviewer?.role, read.submitted], ['trainee', AT]);
  });

  it('refuses a broken file, someone else’s, and one submitted already', () => {
    const refused = (text: string) => {
      const result = stampSubmitted(text, FILE, TRAINEE, AT);
      assert.ok('refused' in result, text);
      return result.refused;
    };
    assert.match(refused('format: dipsample-review/1\nreviewer: [\n'), /fix the review file first/);
    assert.match(refused(reviewText('TRN-2', 'trainee')), /reviewer id "TRN-2" does not match/);
    assert.match(
      refused(reviewText('TRN-1', 'trainee', `submitted: ${AT}`)),
      /TRN-1 already submitted these marks at 2026-12-01T10:00:00.000Z/,
    );
  });

  it('refuses to record a mark after submission, with when', () => {
    const text = reviewText('TRN-1', 'trainee', `submitted: ${AT}`, 'files: {}');
    const result = recordDecision(text, FILE, TRAINEE, 'NM-1', 'advice-given', { outcome: 'passed', at: AT });
    assert.ok('refused' in result);
    assert.match(result.refused, /already submitted these marks at 2026-12-01T10:00:00.000Z/);
  });

  it('goes through the locked, atomic writer: stamped once, then final', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'dipsample-marking-'));
    try {
      mkdirSync(path.join(folder, 'reviews'));
      await recordReview(folder, TRAINEE, 'NM-1', 'advice-given', { outcome: 'failed', at: AT });
      const { file, text } = await submitReview(folder, TRAINEE, AT);
      assert.equal(readFileSync(file, 'utf8'), text);
      assert.equal(parseReviewFile(text, file).submitted, AT);
      assert.equal(parseReviewFile(text, file).entries.length, 1);
      await assert.rejects(submitReview(folder, TRAINEE, AT), ReviewWriteError);
      await assert.rejects(
        recordReview(folder, TRAINEE, 'NM-1', 'advice-given', { outcome: 'passed', at: AT }),
        /already submitted/,
      );
      assert.equal(readFileSync(file, 'utf8'), text, 'nothing written after submission');
      assert.deepEqual(readdirSync(path.join(folder, 'reviews')), ['TRN-1.review.yaml'], 'no lock or temporary file');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('refuses a review file that does not read as one, leaving it as it was', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'dipsample-marking-'));
    try {
      mkdirSync(path.join(folder, 'reviews'));
      const file = path.join(folder, 'reviews', 'TRN-1.review.yaml');
      writeFileSync(file, 'format: [\n');
      await assert.rejects(submitReview(folder, TRAINEE, AT), ReviewWriteError);
      assert.equal(readFileSync(file, 'utf8'), 'format: [\n');
      assert.ok(!existsSync(`${file}.lock`));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('the Review panel in marking mode', () => {
  it('shows every criterion with the trainee’s mark and nothing of the machine’s', async () => {
    const { reports, ruleSets } = await auditFolder(PEEL);
    const ruleSet = ruleSets[0];
    const report = reports[0];
    const own = parsed(
      'TRN-1',
      'trainee',
      'files:',
      `  ${report.reference}:`,
      '    peel17-effective-investigation: { answer: not_effective, note: No CCTV }',
      '    peel17-bwv-considered: { outcome: failed }',
    );
    const state = markingStateFor(TRAINEE, [own])!;
    const criteria = markingCriteriaOf(ruleSet, marksFor(state, report.reference));
    assert.equal(criteria.length, ruleSet.rules.length);
    for (const criterion of criteria) {
      assert.equal(criterion.outcome, undefined, criterion.rule);
      assert.equal(criterion.machineOutcome, undefined, criterion.rule);
      assert.deepEqual(criterion.findings, [], criterion.rule);
      assert.equal(criterion.reviewer, undefined, criterion.rule);
    }
    const judged = criteria.find((criterion) => criterion.rule === 'peel17-effective-investigation');
    assert.deepEqual(judged?.mark, { value: 'not_effective', note: 'No CCTV' });
    assert.ok(judged?.scale && judged.question);
    assert.deepEqual(criteria.find((criterion) => criterion.rule === 'peel17-bwv-considered')?.mark, {
      value: 'failed',
    });
    assert.equal(criteria.filter((criterion) => criterion.mark).length, 2);
  });

  it('turns a mark into the answer to record, or says why it does not fit', async () => {
    const { ruleSets } = await auditFolder(PEEL);
    const rule = (id: string) => ruleSets[0].rules.find((candidate) => candidate.id === id);
    assert.deepEqual(markAnswer(rule('peel17-effective-investigation'), { value: 'effective', note: ' ok ' }), {
      answer: { answer: 'effective', note: 'ok' },
    });
    assert.deepEqual(markAnswer(rule('peel17-bwv-considered'), { value: 'notApplicable', note: '  ' }), {
      answer: { outcome: 'notApplicable' },
    });
    assert.match(
      (markAnswer(rule('peel17-effective-investigation'), { value: 'failed' }) as { problem: string }).problem,
      /not on the scale/,
    );
    assert.match(
      (markAnswer(rule('peel17-bwv-considered'), { value: 'effective' }) as { problem: string }).problem,
      /passed, failed or notApplicable/,
    );
    assert.ok('problem' in markAnswer(undefined, { value: 'passed' }));
  });

  it('guards the mark and submit messages and the marking view', () => {
    const mark = { type: 'mark', file: '/a.crime.yaml', rule: 'r', mark: { value: 'passed' } };
    assert.ok(isReviewWebviewMessage(mark));
    assert.ok(isReviewWebviewMessage({ ...mark, mark: { value: 'failed', note: 'why' } }));
    assert.ok(!isReviewWebviewMessage({ ...mark, mark: { value: '' } }));
    assert.ok(!isReviewWebviewMessage({ ...mark, mark: { value: 'passed', note: 'x'.repeat(5000) } }));
    assert.ok(!isReviewWebviewMessage({ ...mark, rule: '' }));
    assert.ok(isReviewWebviewMessage({ type: 'submit' }));
    const view = {
      file: '/a',
      name: 'a',
      sample: { folder: '/', name: 's' },
      index: 0,
      count: 1,
      caseView: { sections: [] },
      criteria: [],
      progress: { reviewed: 0, total: 1, auditing: 0 },
      reviewed: false,
    };
    assert.ok(isReviewView({ ...view, marking: { reviewer: 'TRN-1', marked: 1, total: 32 } }));
    assert.ok(!isReviewView({ ...view, marking: { reviewer: 'TRN-1', marked: -1, total: 32 } }));
  });
});
