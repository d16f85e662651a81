/**
 * The left (or top) half of the Review panel: the crime file as a readable case. Every entry and
 * every pinned finding is a target that reveals its line in the editor (click, or Enter / Space);
 * the case is one tab stop and the arrow keys move between its targets (a roving tabindex).
 */
import type { CaseItem, CaseSection, CaseView, PinnedFinding } from '../../src/protocol/reviewMessages';
import { el, replaceChildren } from '../summary/dom';

export type Reveal = (line: number, character: number) => void;

const SEVERITY_MARK: Record<string, string> = { error: 'Error', warning: 'Warning', information: 'Info', hint: 'Hint' };

function target(
  tag: string,
  attributes: Record<string, string | number | undefined>,
  line: number,
  character: number,
  ...children: Array<Node | string | null | undefined>
): HTMLElement {
  return el(
    tag,
    {
      ...attributes,
      class: `nav-target ${attributes.class ?? ''}`.trim(),
      role: 'button',
      tabindex: -1,
      'data-line': line,
      'data-character': character,
      title: `Line ${line + 1}: show in the editor`,
    },
    ...children,
  );
}

export function findingTarget(finding: PinnedFinding, key: string): HTMLElement {
  return target(
    'div',
    { class: `finding severity-${finding.severity}`, 'data-key': key, 'data-rule': finding.rule },
    finding.line,
    finding.character,
    el('span', { class: 'finding-severity' }, SEVERITY_MARK[finding.severity] ?? finding.severity),
    el('span', { class: 'finding-message' }, finding.message),
    el('code', { class: 'finding-rule' }, finding.rule),
    el('span', { class: 'finding-line' }, `line ${finding.line + 1}`),
  );
}

function pinned(findings: readonly PinnedFinding[], key: string): HTMLElement | null {
  if (findings.length === 0) return null;
  return el(
    'ul',
    { class: 'pinned', 'aria-label': `${findings.length} finding${findings.length === 1 ? '' : 's'}` },
    ...findings.map((finding, index) => el('li', {}, findingTarget(finding, `${key}.finding.${index}`))),
  );
}

function item(entry: CaseItem): HTMLElement {
  return el(
    'li',
    { class: `case-item${entry.findings.length > 0 ? ' has-findings' : ''}`, 'data-item': entry.id },
    target(
      'div',
      { class: 'item-main', 'data-key': entry.id },
      entry.line,
      entry.character,
      el(
        'div',
        { class: 'item-head' },
        el('span', { class: 'item-title' }, entry.title),
        entry.badge ? el('span', { class: 'badge' }, entry.badge) : null,
      ),
      entry.meta ? el('div', { class: 'meta' }, entry.meta) : null,
      entry.facts.length > 0
        ? el(
            'dl',
            { class: 'facts' },
            ...entry.facts.flatMap((fact) => [el('dt', {}, fact.label), el('dd', {}, fact.value)]),
          )
        : null,
    ),
    pinned(entry.findings, entry.id),
  );
}

function section(part: CaseSection): HTMLElement {
  const timeline = part.id === 'log' || part.id === 'dates';
  return el(
    'section',
    { class: `case-section section-${part.id}`, 'data-section': part.id, 'aria-labelledby': `section-${part.id}` },
    el(
      'h2',
      { id: `section-${part.id}` },
      target(
        'span',
        { class: 'section-link', 'data-key': `section.${part.id}` },
        part.line,
        part.character,
        part.title,
      ),
      part.items.length > 0 && part.id !== 'overview' && part.id !== 'dates'
        ? el('span', { class: 'count' }, String(part.items.length))
        : null,
    ),
    pinned(part.findings, `section.${part.id}`),
    part.items.length > 0
      ? el('ol', { class: `case-items${timeline ? ' timeline' : ''}` }, ...part.items.map(item))
      : el('p', { class: 'empty' }, part.empty ?? 'Nothing recorded.'),
  );
}

/** Builds the case; `reveal` is called for the target the reviewer picks. */
export class CasePane {
  readonly element = el('section', { id: 'case', class: 'pane', 'aria-label': 'The case' });

  constructor(private readonly reveal: Reveal) {
    this.element.addEventListener('click', (event) => {
      const hit = (event.target as Element).closest<HTMLElement>('.nav-target');
      if (hit) this.activate(hit);
    });
    this.element.addEventListener('keydown', (event) => this.keydown(event));
  }

  render(view: CaseView, focusedKey?: string): void {
    const heading = el(
      'header',
      { class: 'case-header' },
      el('h2', { class: 'case-reference', id: 'case-reference' }, view.reference ?? 'No reference'),
      view.category || view.description
        ? el('p', { class: 'case-summary' }, [view.category, view.description].filter(Boolean).join(' · '))
        : null,
    );
    replaceChildren(
      this.element,
      heading,
      view.unreadable ? el('p', { class: 'notice-error', role: 'note' }, view.unreadable) : null,
      ...view.sections.filter((part) => !view.unreadable || part.findings.length > 0).map(section),
    );
    const targets = this.targets();
    const focused = focusedKey ? targets.find((t) => t.dataset.key === focusedKey) : undefined;
    (focused ?? targets[0])?.setAttribute('tabindex', '0');
    if (focused) focused.focus({ preventScroll: true });
  }

  /** The key of the focused target, to focus it again after a redraw. */
  focusedKey(): string | undefined {
    const active = document.activeElement;
    return active instanceof HTMLElement && this.element.contains(active) ? active.dataset.key : undefined;
  }

  private targets(): HTMLElement[] {
    return [...this.element.querySelectorAll<HTMLElement>('.nav-target')];
  }

  private activate(hit: HTMLElement): void {
    this.moveTo(hit);
    this.reveal(Number(hit.dataset.line ?? 0), Number(hit.dataset.character ?? 0));
  }

  private moveTo(next: HTMLElement): void {
    for (const t of this.targets()) t.setAttribute('tabindex', t === next ? '0' : '-1');
    next.focus();
  }

  private keydown(event: KeyboardEvent): void {
    const current = event.target instanceof HTMLElement ? event.target.closest<HTMLElement>('.nav-target') : null;
    if (!current || event.altKey || event.ctrlKey || event.metaKey) return;
    const targets = this.targets();
    const index = targets.indexOf(current);
    let next: HTMLElement | undefined;
    switch (event.key) {
      case 'ArrowDown':
        next = targets[Math.min(index + 1, targets.length - 1)];
        break;
      case 'ArrowUp':
        next = targets[Math.max(index - 1, 0)];
        break;
      case 'Home':
        next = targets[0];
        break;
      case 'End':
        next = targets[targets.length - 1];
        break;
      case 'Enter':
      case ' ':
        event.preventDefault();
        this.activate(current);
        return;
      default:
        return;
    }
    event.preventDefault();
    if (next) this.moveTo(next);
  }
}
