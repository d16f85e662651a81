/**
 * The right (or bottom) half of the Review panel: every criterion of the file's rule set with its
 * outcome, findings and review state, and the forms that answer, override or confirm it.
 *
 * Keyboard: each criterion is a tab stop (Tab, or ↑ ↓ Home End between them); Enter opens its form
 * (digits 1–9 pick an option, Tab reaches the note, Enter on an option or Ctrl+Enter saves, Esc
 * closes). Forms being filled in survive the redraws that live updates cause.
 */
import type {
  CriterionView,
  MarkAnswer,
  ReviewAnswer,
  ReviewOutcomeName,
  ReviewView,
} from '../../src/protocol/reviewMessages';
import { el, replaceChildren } from '../summary/dom';
import { findingTarget, type Reveal } from './caseView';

const OUTCOME_WORDS: Record<ReviewOutcomeName, string> = {
  passed: 'passed',
  failed: 'failed',
  notApplicable: 'not applicable',
  awaitingJudgment: 'awaiting judgment',
  notAudited: 'not audited',
};
const outcomeWords = (outcome: ReviewOutcomeName | undefined): string =>
  outcome ? OUTCOME_WORDS[outcome] : 'no result';
/** A mark's value in words: a check's outcome as the outcome reads, a scale value as written. */
const markWords = (value: string): string =>
  value in OUTCOME_WORDS ? OUTCOME_WORDS[value as ReviewOutcomeName] : value;

const CONFIRM = 'confirm';
const OVERRIDES: Array<{ value: 'passed' | 'failed' | 'notApplicable'; label: string }> = [
  { value: 'failed', label: 'Override: failed' },
  { value: 'passed', label: 'Override: passed' },
  { value: 'notApplicable', label: 'Override: not applicable (an exception for this file)' },
];

/**
 * Focuses an element now and again once a Lit element has drawn itself: a control created a moment
 * ago has no inner input to take the focus yet.
 */
export function focusSoon(element: HTMLElement | null | undefined, options?: FocusOptions): void {
  if (!element) return;
  element.focus(options);
  const pending = (element as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
  void pending?.then(() => {
    if (element.isConnected && !element.contains(document.activeElement) && document.activeElement !== element)
      element.focus(options);
  });
}

export type Submit = (rule: string, answer: ReviewAnswer) => void;
export type SubmitMark = (rule: string, mark: MarkAnswer) => void;

/** Outcomes a marking trainee gives a machine check. */
const MARK_OUTCOMES: Array<{ value: 'passed' | 'failed' | 'notApplicable'; label: string }> = [
  { value: 'passed', label: 'passed' },
  { value: 'failed', label: 'failed' },
  { value: 'notApplicable', label: 'not applicable (the check does not apply to this file)' },
];

/** An open form's contents, kept across redraws. */
interface FormState {
  value?: string;
  note: string;
  saving: boolean;
  error?: string;
}

/** Which element had focus, to restore it after a redraw. */
interface FocusState {
  rule: string;
  part: 'card' | 'option' | 'note' | 'save' | 'cancel' | 'finding';
  value?: string;
}

/**
 * Not yet decided by a person: awaiting judgment (a dispute included); in marking mode, not yet
 * marked by the trainee (judgments and checks alike).
 */
export function isUnanswered(criterion: CriterionView, marking = false): boolean {
  if (marking) return criterion.mark === undefined;
  return criterion.outcome === 'awaitingJudgment' || criterion.disputed !== undefined;
}

function when(at: string | undefined): string | undefined {
  if (!at) return undefined;
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(at);
  return match ? `${match[1]} ${match[2]}${at.endsWith('Z') ? ' UTC' : ''}` : at;
}

function who(criterion: CriterionView, me: string | undefined): string {
  const names = criterion.reviewers ?? (criterion.reviewer ? [criterion.reviewer] : []);
  return names.map((name) => (name === me ? `${name} (you)` : name)).join(', ');
}

/** The review state in words: the answer or override, who, when, the note; or every position of a dispute. */
function reviewState(criterion: CriterionView, me: string | undefined): HTMLElement {
  const id = `state-${criterion.rule}`;
  if (criterion.disputed) {
    return el(
      'div',
      { class: 'review-state state-disputed', id, 'data-state': 'disputed' },
      el(
        'p',
        { class: 'state-line' },
        el('strong', {}, 'Disputed'),
        ' — reviewers disagree; it awaits judgment until one changes:',
      ),
      el(
        'ul',
        { class: 'positions' },
        ...criterion.disputed.map((position) =>
          el(
            'li',
            { 'data-reviewer': position.reviewer },
            el('strong', {}, position.reviewer === me ? `${position.reviewer} (you)` : position.reviewer),
            `: ${position.value}`,
            position.note ? el('span', { class: 'note-inline' }, ` — “${position.note}”`) : null,
          ),
        ),
      ),
    );
  }
  const by = who(criterion, me);
  const time = when(criterion.at);
  let line: Array<Node | string>;
  let state: string;
  if (criterion.answer !== undefined) {
    state = 'answered';
    line = [
      el('strong', {}, 'Answered '),
      el('span', { class: 'answer-value' }, criterion.answer),
      ` → ${outcomeWords(criterion.outcome)}`,
    ];
  } else if (criterion.overridden) {
    state = 'overridden';
    line = [
      el('strong', {}, 'Overridden: '),
      el('span', { class: 'answer-value' }, outcomeWords(criterion.outcome)),
      ` (machine: ${outcomeWords(criterion.machineOutcome)})`,
    ];
  } else if (criterion.confirmed) {
    state = 'confirmed';
    line = [el('strong', {}, 'Confirmed: '), `the machine’s ${outcomeWords(criterion.outcome)} stands`];
  } else if (criterion.kind === 'judgment') {
    state = criterion.outcome === 'awaitingJudgment' ? 'awaiting' : 'none';
    line = [
      criterion.outcome === 'awaitingJudgment' ? 'Awaiting judgment' : `No answer (${outcomeWords(criterion.outcome)})`,
    ];
  } else {
    state = 'machine';
    line = ['Machine check; not reviewed'];
  }
  return el(
    'div',
    { class: `review-state state-${state}`, id, 'data-state': state },
    el(
      'p',
      { class: 'state-line' },
      ...line,
      by ? el('span', { class: 'reviewer', 'data-reviewer': criterion.reviewer }, ` · ${by}`) : null,
      time ? el('span', { class: 'at' }, ` · ${time}`) : null,
    ),
    criterion.note ? el('blockquote', { class: 'note', 'data-note': '' }, criterion.note) : null,
  );
}

/** Marking mode: the trainee's own mark, when, and their note — nothing of the machine's or the key's. */
function markState(criterion: CriterionView): HTMLElement {
  const id = `state-${criterion.rule}`;
  const mark = criterion.mark;
  if (!mark)
    return el(
      'div',
      { class: 'review-state state-unmarked', id, 'data-state': 'unmarked' },
      el('p', { class: 'state-line' }, 'Not marked yet'),
    );
  const time = when(mark.at);
  return el(
    'div',
    { class: 'review-state state-marked', id, 'data-state': 'marked' },
    el(
      'p',
      { class: 'state-line' },
      el('strong', {}, 'Your mark: '),
      el('span', { class: 'answer-value' }, markWords(mark.value)),
      time ? el('span', { class: 'at' }, ` · ${time}`) : null,
    ),
    mark.note ? el('blockquote', { class: 'note', 'data-note': '' }, mark.note) : null,
  );
}

function radio(name: string, value: string, label: string, checked: boolean): HTMLElement {
  return el('vscode-radio', { name, value, label, checked, 'data-value': value });
}

export class CriteriaPane {
  readonly element = el('section', { id: 'criteria', class: 'pane', 'aria-label': 'Criteria' });
  private readonly forms = new Map<string, FormState>();
  private criteria: CriterionView[] = [];
  private me: string | undefined;
  /** Marking mode: forms mark every criterion, and no outcome is shown. */
  private marking = false;

  constructor(
    private readonly submit: Submit,
    private readonly reveal: Reveal,
    private readonly submitMark: SubmitMark,
  ) {
    this.element.addEventListener('keydown', (event) => this.keydown(event));
    // Arrow keys between a form's choices are handled here, before the radio group's own handler
    // (which moves the check without a change event): the choice and the form's state stay one.
    this.element.addEventListener('keydown', (event) => this.arrowBetweenChoices(event), { capture: true });
    this.element.addEventListener('click', (event) => this.click(event));
  }

  /** Draws the criteria; `keep` holds open forms and focus (the same file redrawn). */
  render(view: ReviewView, keep: boolean): void {
    const focus = keep ? this.focusState() : undefined;
    if (!keep) this.forms.clear();
    this.criteria = view.criteria;
    this.me = view.reviewer;
    this.marking = view.marking !== undefined;
    const judgments = view.criteria.filter((criterion) => criterion.kind === 'judgment');
    const checks = view.criteria.filter((criterion) => criterion.kind === 'check');
    const awaiting = judgments.filter((criterion) => isUnanswered(criterion)).length;
    const marked = (criteria: CriterionView[]) =>
      `${criteria.filter((criterion) => criterion.mark !== undefined).length} of ${criteria.length} marked`;
    replaceChildren(
      this.element,
      view.criteria.length === 0
        ? el('p', { class: 'empty' }, 'No criteria: this file has not been audited (see its diagnostics).')
        : null,
      judgments.length > 0
        ? this.group(
            'judgments',
            'Judgments',
            this.marking
              ? marked(judgments)
              : awaiting > 0
                ? `${awaiting} of ${judgments.length} awaiting`
                : `all ${judgments.length} recorded`,
            judgments,
          )
        : null,
      checks.length > 0
        ? this.group(
            'checks',
            this.marking ? 'Checks' : 'Machine checks',
            this.marking
              ? marked(checks)
              : `${checks.filter((c) => c.outcome === 'failed').length} failed of ${checks.length}`,
            checks,
          )
        : null,
    );
    for (const rule of [...this.forms.keys()]) {
      if (!this.criteria.some((criterion) => criterion.rule === rule)) this.forms.delete(rule);
      else this.drawForm(rule);
    }
    if (focus) this.restoreFocus(focus);
  }

  /** Focuses the first criterion awaiting judgment (else the first not reviewed, else the first). */
  focusFirstUnanswered(): void {
    const first =
      this.criteria.find((criterion) => isUnanswered(criterion, this.marking)) ??
      this.criteria.find((criterion) => !this.marking && criterion.reviewer === undefined) ??
      this.criteria[0];
    if (first) this.card(first.rule)?.focus();
  }

  private group(id: string, title: string, summary: string, criteria: CriterionView[]): HTMLElement {
    return el(
      'section',
      { class: 'criteria-group', 'data-group': id, 'aria-labelledby': `group-${id}` },
      el('h2', { id: `group-${id}` }, title, el('span', { class: 'count' }, summary)),
      el('ol', { class: 'criteria-list' }, ...criteria.map((criterion) => el('li', {}, this.cardFor(criterion)))),
    );
  }

  private cardFor(criterion: CriterionView): HTMLElement {
    const outcome = this.marking
      ? criterion.mark
        ? 'marked'
        : 'unmarked'
      : criterion.disputed
        ? 'disputed'
        : (criterion.outcome ?? 'none');
    const badge = this.marking
      ? criterion.mark
        ? markWords(criterion.mark.value)
        : 'to mark'
      : criterion.disputed
        ? 'disputed'
        : outcomeWords(criterion.outcome);
    const card = el(
      'article',
      {
        class: `criterion kind-${criterion.kind} outcome-${outcome}`,
        tabindex: 0,
        'data-rule': criterion.rule,
        'data-outcome': criterion.outcome ?? 'none',
        'aria-labelledby': `title-${criterion.rule}`,
        'aria-describedby': `state-${criterion.rule}`,
        'aria-keyshortcuts': 'Enter',
      },
      el(
        'div',
        { class: 'criterion-head' },
        el('span', { class: `outcome-badge outcome-${outcome}`, 'data-badge': '' }, badge),
        el('h3', { class: 'criterion-title', id: `title-${criterion.rule}` }, criterion.title),
        criterion.overridden ? el('span', { class: 'flag flag-overridden' }, 'overridden') : null,
      ),
      el(
        'p',
        { class: 'criterion-id' },
        el('code', {}, criterion.rule),
        ` · ${criterion.kind === 'judgment' ? 'judgment' : 'check'} · ${criterion.severity}`,
      ),
      criterion.question ? el('p', { class: 'question' }, criterion.question) : null,
      criterion.kind === 'check' && criterion.description
        ? el('p', { class: 'description' }, criterion.description)
        : null,
      criterion.guidance ? el('p', { class: 'guidance description' }, criterion.guidance) : null,
      criterion.scale
        ? el(
            'ul',
            { class: 'scale', 'aria-label': 'Scale' },
            ...criterion.scale.map((option) =>
              el(
                'li',
                {
                  class: `scale-${option.outcome}${option.value === (criterion.answer ?? criterion.mark?.value) ? ' chosen' : ''}`,
                },
                el('strong', {}, option.value),
                ` (${option.outcome === 'passed' ? 'passes' : 'fails'})`,
                option.description ? `: ${option.description}` : '',
              ),
            ),
          )
        : null,
      criterion.findings.length > 0
        ? el(
            'ul',
            { class: 'pinned criterion-findings' },
            ...criterion.findings.map((finding, index) =>
              el('li', {}, findingTarget(finding, `${criterion.rule}.finding.${index}`)),
            ),
          )
        : null,
      this.marking ? markState(criterion) : reviewState(criterion, this.me),
      criterion.sources.length > 0 ? el('p', { class: 'sources' }, `Source: ${criterion.sources.join('; ')}`) : null,
      el(
        'div',
        { class: 'card-actions' },
        el(
          'vscode-button',
          { class: 'open-form', secondary: true, tabindex: -1, 'data-action': 'open' },
          this.marking
            ? criterion.mark
              ? 'Change mark…'
              : 'Mark…'
            : criterion.kind === 'judgment'
              ? criterion.answer !== undefined
                ? 'Change answer…'
                : 'Answer…'
              : 'Override or confirm…',
        ),
      ),
      el('div', { class: 'form-slot' }),
    );
    return card;
  }

  private card(rule: string): HTMLElement | null {
    return this.element.querySelector<HTMLElement>(`article.criterion[data-rule="${CSS.escape(rule)}"]`);
  }

  private cards(): HTMLElement[] {
    return [...this.element.querySelectorAll<HTMLElement>('article.criterion')];
  }

  /** Opens the criterion's form, prefilled with what is recorded, and focuses its first choice. */
  open(rule: string): void {
    const criterion = this.criteria.find((c) => c.rule === rule);
    if (!criterion) return;
    if (!this.forms.has(rule) && this.marking) {
      const mark = criterion.mark;
      this.forms.set(rule, { note: mark?.note ?? '', saving: false, ...(mark ? { value: mark.value } : {}) });
    } else if (!this.forms.has(rule)) {
      const value =
        criterion.kind === 'judgment'
          ? criterion.answer
          : criterion.overridden
            ? criterion.outcome
            : criterion.confirmed
              ? CONFIRM
              : undefined;
      this.forms.set(rule, { note: criterion.note ?? '', saving: false, ...(value ? { value } : {}) });
    }
    this.drawForm(rule);
    const form = this.card(rule)?.querySelector('form');
    const options = [...(form?.querySelectorAll<HTMLElement>('vscode-radio') ?? [])];
    const checked = options.find((option) => (option as HTMLElement & { checked: boolean }).checked);
    // The criterion's title and question in view with its choices (the focus then scrolls no further than needed).
    this.card(rule)?.scrollIntoView({ block: 'start' });
    focusSoon(checked ?? options[0]);
  }

  private close(rule: string, focusCard = true): void {
    this.forms.delete(rule);
    const card = this.card(rule);
    if (!card) return;
    card.classList.remove('open');
    replaceChildren(card.querySelector('.form-slot')!);
    if (focusCard) card.focus();
  }

  /** The host answered a save: close the form and move on, or show why it was not saved. */
  saved(rule: string, ok: boolean, message?: string): void {
    const state = this.forms.get(rule);
    if (!state) return;
    if (ok) {
      const hadFocus = this.card(rule)?.contains(document.activeElement) ?? false;
      this.close(rule, false);
      if (hadFocus) this.focusAfter(rule);
      return;
    }
    state.saving = false;
    state.error = message ?? 'Not saved.';
    this.drawForm(rule);
  }

  /** After an answer: the next criterion awaiting judgment, else the criterion itself. */
  private focusAfter(rule: string): void {
    const index = this.criteria.findIndex((c) => c.rule === rule);
    const next = [...this.criteria.slice(index + 1), ...this.criteria.slice(0, index)].find(
      (c) => c.rule !== rule && isUnanswered(c, this.marking),
    );
    this.card(next?.rule ?? rule)?.focus();
  }

  private drawForm(rule: string): void {
    const criterion = this.criteria.find((c) => c.rule === rule);
    const state = this.forms.get(rule);
    const card = this.card(rule);
    if (!criterion || !state || !card) return;
    card.classList.add('open');
    const name = `choice-${rule}`;
    const judgment = criterion.kind === 'judgment';
    const machine = criterion.machineOutcome ?? criterion.outcome;
    const options: Array<{ value: string; label: string }> = judgment
      ? (criterion.scale ?? []).map((option) => ({
          value: option.value,
          label: `${option.value} (${option.outcome === 'passed' ? 'passes' : 'fails'})${option.description ? ` — ${option.description}` : ''}`,
        }))
      : this.marking
        ? MARK_OUTCOMES
        : [
            { value: CONFIRM, label: `Confirm: the machine’s “${outcomeWords(machine)}” is right` },
            ...OVERRIDES.filter((option) => option.value !== machine),
          ];
    // A trainee's mark needs no note; an override does.
    const override = !this.marking && !judgment && state.value !== undefined && state.value !== CONFIRM;
    const noteId = `note-${rule}`;
    const form = el(
      'form',
      {
        class: 'answer-form',
        'data-rule': rule,
        'aria-label': this.marking ? 'Mark' : judgment ? 'Answer' : 'Override or confirm',
      },
      el(
        'p',
        { class: 'form-legend', id: `legend-${rule}` },
        judgment
          ? (criterion.question ?? 'Your answer')
          : this.marking
            ? 'How does this file do on this check?'
            : 'Is the machine right on this file?',
      ),
      el(
        'vscode-radio-group',
        { variant: 'vertical', 'aria-labelledby': `legend-${rule}`, 'data-choices': '' },
        ...options.map((option, index) =>
          radio(name, option.value, `${index + 1}. ${option.label}`, option.value === state.value),
        ),
      ),
      el(
        'vscode-label',
        { for: noteId, class: 'note-label' },
        override ? 'Note (required: why the machine is wrong)' : 'Note (optional)',
      ),
      el('vscode-textarea', {
        id: noteId,
        class: 'note-input',
        rows: 3,
        resize: 'vertical',
        value: state.note,
        placeholder: override ? 'Why is the machine wrong on this file?' : 'What you saw on the file',
        'aria-required': override ? 'true' : 'false',
        'data-note-input': '',
      }),
      el('p', { class: 'form-error', role: 'alert', 'data-error': '' }, state.error ?? ''),
      el(
        'div',
        { class: 'form-actions' },
        el('vscode-button', { 'data-action': 'save', disabled: state.saving }, state.saving ? 'Saving…' : 'Save'),
        el('vscode-button', { 'data-action': 'cancel', secondary: true }, 'Cancel'),
        el('span', { class: 'hint' }, `1–${options.length} choose · Tab note · Ctrl+Enter save · Esc cancel`),
      ),
    );
    const textarea = form.querySelector<HTMLElement & { value: string }>('vscode-textarea')!;
    textarea.value = state.note;
    textarea.addEventListener('input', () => {
      state.note = textarea.value;
    });
    form.addEventListener('change', (event) => {
      const choice = (event.target as Element).closest('vscode-radio') as (HTMLElement & { value: string }) | null;
      if (!choice) return;
      const before = !this.marking && !judgment && state.value !== undefined && state.value !== CONFIRM;
      state.value = choice.value;
      state.error = undefined;
      const after = !this.marking && !judgment && state.value !== CONFIRM;
      if (before !== after) this.redrawKeepingFocus(rule);
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.save(rule);
    });
    replaceChildren(card.querySelector('.form-slot')!, form);
  }

  private redrawKeepingFocus(rule: string): void {
    const focus = this.focusState();
    this.drawForm(rule);
    if (focus) this.restoreFocus(focus);
  }

  private save(rule: string): void {
    const criterion = this.criteria.find((c) => c.rule === rule);
    const state = this.forms.get(rule);
    if (!criterion || !state || state.saving) return;
    const checked = this.choices(rule).find((option) => option.checked);
    if (checked) state.value = checked.value;
    const note = state.note.trim();
    const fail = (message: string, focus: 'note' | 'option') => {
      state.error = message;
      this.drawForm(rule);
      const form = this.card(rule)?.querySelector('form');
      focusSoon(
        focus === 'note'
          ? form?.querySelector<HTMLElement>('vscode-textarea')
          : form?.querySelector<HTMLElement>('vscode-radio'),
      );
    };
    let answer: ReviewAnswer;
    if (state.value === undefined) return fail('Choose an option first (1–9 or the arrow keys).', 'option');
    if (this.marking) {
      state.saving = true;
      state.error = undefined;
      this.redrawKeepingFocus(rule);
      this.submitMark(rule, { value: state.value, ...(note ? { note } : {}) });
      return;
    }
    if (criterion.kind === 'judgment') answer = { answer: state.value, ...(note ? { note } : {}) };
    else if (state.value === CONFIRM) answer = { confirmed: true, ...(note ? { note } : {}) };
    else {
      if (!note) return fail('An override needs a note: say why the machine is wrong on this file.', 'note');
      answer = { outcome: state.value as 'passed' | 'failed' | 'notApplicable', note };
    }
    state.saving = true;
    state.error = undefined;
    this.redrawKeepingFocus(rule);
    this.submit(rule, answer);
  }

  private choices(rule: string): Array<HTMLElement & { value: string; checked: boolean }> {
    return [
      ...(this.card(rule)?.querySelectorAll<HTMLElement & { value: string; checked: boolean }>('form vscode-radio') ??
        []),
    ];
  }

  private arrowBetweenChoices(event: KeyboardEvent): void {
    const target = event.target as HTMLElement;
    if (target.tagName !== 'VSCODE-RADIO' || event.altKey || event.ctrlKey || event.metaKey) return;
    const step = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 }[event.key];
    const rule = target.closest<HTMLElement>('article.criterion')?.dataset.rule;
    if (!step || !rule) return;
    event.preventDefault();
    event.stopPropagation();
    const options = this.choices(rule);
    const index = options.indexOf(target as HTMLElement & { value: string; checked: boolean });
    const next = options[(index + step + options.length) % options.length];
    if (!next) return;
    next.click();
    next.focus();
  }

  private focusState(): FocusState | undefined {
    const active = document.activeElement;
    if (!(active instanceof HTMLElement) || !this.element.contains(active)) return undefined;
    const card = active.closest<HTMLElement>('article.criterion');
    const rule = card?.dataset.rule;
    if (!rule) return undefined;
    if (active === card) return { rule, part: 'card' };
    if (active.tagName === 'VSCODE-RADIO')
      return { rule, part: 'option', value: (active as HTMLElement & { value: string }).value };
    if (active.tagName === 'VSCODE-TEXTAREA') return { rule, part: 'note' };
    const action = active.dataset.action;
    if (action === 'save' || action === 'cancel') return { rule, part: action };
    if (active.classList.contains('nav-target')) return { rule, part: 'finding', value: active.dataset.key };
    return { rule, part: 'card' };
  }

  private restoreFocus(focus: FocusState): void {
    const card = this.card(focus.rule);
    if (!card) return;
    let target: HTMLElement | null = card;
    if (focus.part === 'option')
      target = card.querySelector<HTMLElement>(`vscode-radio[data-value="${CSS.escape(focus.value ?? '')}"]`);
    else if (focus.part === 'note') target = card.querySelector<HTMLElement>('vscode-textarea');
    else if (focus.part === 'save' || focus.part === 'cancel')
      target = card.querySelector<HTMLElement>(`[data-action="${focus.part}"]`);
    else if (focus.part === 'finding')
      target = card.querySelector<HTMLElement>(`[data-key="${CSS.escape(focus.value ?? '')}"]`);
    focusSoon(target ?? card, { preventScroll: true });
  }

  private click(event: MouseEvent): void {
    const element = event.target as Element;
    const finding = element.closest<HTMLElement>('.nav-target');
    if (finding && this.element.contains(finding)) {
      this.reveal(Number(finding.dataset.line ?? 0), Number(finding.dataset.character ?? 0));
      return;
    }
    const action = element.closest<HTMLElement>('[data-action]');
    const rule = element.closest<HTMLElement>('article.criterion')?.dataset.rule;
    if (!action || !rule) return;
    if (action.dataset.action === 'open') this.open(rule);
    else if (action.dataset.action === 'save') this.save(rule);
    else if (action.dataset.action === 'cancel') this.close(rule);
  }

  private keydown(event: KeyboardEvent): void {
    if (event.altKey) return; // Alt+N / Alt+P are the page's
    const target = event.target as HTMLElement;
    const card = target.closest<HTMLElement>('article.criterion');
    const rule = card?.dataset.rule;
    if (!card || !rule) return;
    const form = target.closest('form');
    if (form) {
      this.formKeydown(event, rule, target);
      return;
    }
    if (target.classList.contains('nav-target')) {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        this.reveal(Number(target.dataset.line ?? 0), Number(target.dataset.character ?? 0));
      }
      return;
    }
    if (target !== card || event.ctrlKey || event.metaKey) return;
    const cards = this.cards();
    const index = cards.indexOf(card);
    let next: HTMLElement | undefined;
    switch (event.key) {
      case 'ArrowDown':
        next = cards[Math.min(index + 1, cards.length - 1)];
        break;
      case 'ArrowUp':
        next = cards[Math.max(index - 1, 0)];
        break;
      case 'Home':
        next = cards[0];
        break;
      case 'End':
        next = cards[cards.length - 1];
        break;
      case 'Enter':
      case ' ':
        event.preventDefault();
        this.open(rule);
        return;
      case 'Escape':
        if (this.forms.has(rule)) {
          event.preventDefault();
          this.close(rule);
        }
        return;
      default:
        return;
    }
    event.preventDefault();
    next?.focus();
  }

  private formKeydown(event: KeyboardEvent, rule: string, target: HTMLElement): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.close(rule);
      return;
    }
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      this.save(rule);
      return;
    }
    const inNote = target.tagName === 'VSCODE-TEXTAREA';
    if (!inNote && /^[1-9]$/.test(event.key) && !event.ctrlKey && !event.metaKey) {
      const options = [
        ...(this.card(rule)?.querySelectorAll<HTMLElement & { value: string; checked: boolean }>('vscode-radio') ?? []),
      ];
      const option = options[Number(event.key) - 1];
      if (!option) return;
      event.preventDefault();
      option.click();
      option.focus();
      return;
    }
    if (event.key === 'Enter' && target.tagName === 'VSCODE-BUTTON') {
      event.preventDefault();
      if (target.dataset.action === 'save') this.save(rule);
      else if (target.dataset.action === 'cancel') this.close(rule);
    }
  }
}
