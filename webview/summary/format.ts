/** snake_case values from crime files shown as words ("not_attended" → "not attended"). */
export function humanise(value: string): string {
  return value.replace(/_/g, ' ');
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
