import { el } from './dom';

export interface Choice {
  value: string;
  label: string;
}

/**
 * A labelled `vscode-single-select` whose options can be replaced without losing the selection
 * (the list of rules changes when a configuration changes).
 */
export class Select {
  readonly element: HTMLElement;
  private readonly control: HTMLElement & { value: string };
  private signature = '';

  constructor(id: string, label: string, onChange: (value: string) => void) {
    this.control = el('vscode-single-select', { id, 'aria-label': label }) as HTMLElement & { value: string };
    this.control.addEventListener('change', () => onChange(this.control.value));
    this.element = el('div', { class: 'control' }, el('vscode-label', { for: id }, label), this.control);
  }

  get value(): string {
    return this.control.value;
  }

  /** Selects `value` (an existing option). */
  select(value: string): void {
    if (this.control.value !== value) this.control.value = value;
  }

  /** Sets the options and the selected value (falling back to the first option when it is gone). */
  update(choices: readonly Choice[], selected: string): string {
    const value = choices.some((choice) => choice.value === selected) ? selected : (choices[0]?.value ?? '');
    const signature = JSON.stringify(choices);
    if (signature !== this.signature) {
      this.signature = signature;
      this.control.replaceChildren(
        ...choices.map((choice) =>
          el('vscode-option', { value: choice.value, selected: choice.value === value }, choice.label),
        ),
      );
    }
    if (this.control.value !== value) this.control.value = value;
    return value;
  }
}
