import {
  CHOMPING_MODE,
  COLLECTION_STYLE,
  EVENT_ID,
  SCALAR_STYLE,
  getScalarValue,
  parseEvents,
  type Event,
  type ScalarEvent,
} from 'js-yaml';
import { coreScalarValue } from './coreScalar';
import type { SourceCollection, SourceEntry, SourceNode } from './sourceTree';
import { UNREADABLE } from './unreadable';

/** A file read on the fast path: its data and where each node sits. */
export interface EventParse {
  value: unknown;
  root: SourceNode;
}

/**
 * The fast parse: js-yaml's event stream (offsets into the text, no document nodes), from which
 * the data and the source tree are built in one walk. It takes the plain files crime files are —
 * block and flow collections, plain, quoted and block scalars, comments — and gives exactly what
 * `yaml` does (`coreScalar.ts` resolves scalars by its core schema; offsets are its ranges).
 * Anything else — a syntax error, anchors and aliases, tags, directives, explicit or non-text
 * keys, duplicate keys, `<<`, escapes that make a control character, nesting past `maxDepth` —
 * returns undefined, and the caller reads the file with `yaml`, whose findings say what is wrong.
 * 7–11× faster than `yaml`'s `parseDocument` with `toJS` (docs/performance.md), with a fraction of
 * the garbage.
 */
export function parseByEvents(text: string, maxDepth: number): EventParse | undefined {
  // yaml reads past a byte-order mark; js-yaml's offsets would then start one character late.
  if (text.charCodeAt(0) === 0xfeff) return undefined;
  let events: Event[];
  try {
    events = parseEvents(text, { maxDepth: maxDepth + 1 });
  } catch {
    return undefined;
  }
  const first = events[0];
  if (events.length < 3 || first.type !== EVENT_ID.DOCUMENT || first.directives.length > 0) return undefined;
  const walk = new EventWalk(text, events, maxDepth);
  try {
    const root = walk.node(1, -1, false, 0);
    // One document: its root, the document's end, and nothing after.
    if (walk.index !== events.length - 1 || events[walk.index].type !== EVENT_ID.POP) return undefined;
    return { value: walk.value, root };
  } catch (error) {
    if (error === FALL_BACK) return undefined;
    throw error;
  }
}

/** Thrown inside the walk when the file needs the full parse. */
const FALL_BACK = Symbol('fall back to yaml');

const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const HASH = 0x23;

/**
 * One walk over the events. Each node read leaves its data in `value` and where it ends with what
 * trails it on its line (comment, line break: yaml's range[2]) in `nodeEnd`, rather than in an
 * object per node: a batch reads millions of nodes, and their garbage is most of a thread's heap.
 */
class EventWalk {
  index = 0;
  value: unknown = undefined;
  nodeEnd = 0;

  constructor(
    private readonly text: string,
    private readonly events: readonly Event[],
    private readonly maxDepth: number,
  ) {}

  /**
   * The node whose event is at `at`. `after` is the offset just past the indicator before it
   * (`key:` or `-`), where yaml places an empty value and starts looking for a block header; -1
   * when there is none (the root, or inside a flow collection).
   */
  node(at: number, after: number, inFlow: boolean, depth: number): SourceNode {
    const event = this.events[at];
    this.index = at;
    switch (event.type) {
      case EVENT_ID.SCALAR:
        return this.scalar(event, after, inFlow);
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE: {
        this.index = at + 1;
        if (event.anchorStart !== -1 || event.tagStart !== -1 || depth >= this.maxDepth) throw FALL_BACK;
        const flow = event.style === COLLECTION_STYLE.FLOW;
        const isMap = event.type === EVENT_ID.MAPPING;
        // A flow list's `[a: 1]` is a map without braces: yaml places it otherwise.
        if (flow && this.text.charCodeAt(event.start) !== (isMap ? 0x7b /* { */ : 0x5b) /* [ */) throw FALL_BACK;
        return isMap ? this.map(event.start, flow, depth) : this.seq(event.start, flow, depth);
      }
      default:
        // An alias, a second document, or the end where a node was due.
        throw FALL_BACK;
    }
  }

  private map(start: number, flow: boolean, depth: number): SourceNode {
    const { text } = this;
    const entries: SourceEntry[] = [];
    const value: Record<string, unknown> = {};
    let lastEnd = start + 1;
    let lastNodeEnd = start;
    while (this.events[this.index].type !== EVENT_ID.POP) {
      const keyEvent = this.events[this.index];
      if (keyEvent.type !== EVENT_ID.SCALAR) throw FALL_BACK;
      const key = this.scalar(keyEvent, -1, true);
      const keyText = this.value;
      const { start: keyStart, valueEnd: keyEnd } = key;
      const colon = this.skipSpaces(keyEnd);
      // Keys that are not text (`1:`, `null:`), long or multi-line keys, explicit `? ` keys and
      // `<<` are read by yaml, which says what it makes of them.
      if (
        typeof keyText !== 'string' ||
        keyText === '<<' ||
        keyEnd - keyStart > 1024 ||
        keyStart === keyEnd ||
        this.hasLineBreak(keyStart, keyEnd) ||
        text.charCodeAt(colon) !== 0x3a /* : */ ||
        text.charCodeAt(this.skipSpacesBack(keyStart) - 1) === 0x3f /* ? */
      )
        throw FALL_BACK;
      if (Object.prototype.hasOwnProperty.call(value, keyText)) throw FALL_BACK;
      const item = this.node(this.index, flow ? -1 : colon + 1, flow, depth + 1);
      // As yaml's toJS: a key the object already answers to (`__proto__`, `toString`) is defined, not assigned.
      if (keyText in value)
        Object.defineProperty(value, keyText, {
          value: this.value,
          writable: true,
          enumerable: true,
          configurable: true,
        });
      else value[keyText] = this.value;
      entries.push({ key, keyText, value: item });
      lastEnd = item.valueEnd;
      lastNodeEnd = this.nodeEnd;
    }
    this.index++;
    this.value = value;
    return this.collection('map', start, flow, entries, lastEnd, lastNodeEnd);
  }

  private seq(start: number, flow: boolean, depth: number): SourceNode {
    const entries: SourceEntry[] = [];
    const value: unknown[] = [];
    let lastEnd = start + 1;
    let lastNodeEnd = start;
    while (this.events[this.index].type !== EVENT_ID.POP) {
      // The item's `-`: the list's first character for the first item, else the next after the last.
      const dash = entries.length === 0 ? start : this.skipToToken(lastNodeEnd);
      if (!flow && this.text.charCodeAt(dash) !== 0x2d /* - */) throw FALL_BACK;
      const item = this.node(this.index, flow ? -1 : dash + 1, flow, depth + 1);
      value.push(this.value);
      entries.push({ key: undefined, keyText: '', value: item });
      lastEnd = item.valueEnd;
      lastNodeEnd = this.nodeEnd;
    }
    this.index++;
    this.value = value;
    return this.collection('seq', start, flow, entries, lastEnd, lastNodeEnd);
  }

  /** A flow collection ends after its bracket; a block one where its last entry ends (yaml's ranges). */
  private collection(
    kind: SourceCollection['kind'],
    start: number,
    flow: boolean,
    entries: SourceEntry[],
    lastEnd: number,
    lastNodeEnd: number,
  ): SourceNode {
    if (!flow) {
      this.nodeEnd = lastNodeEnd;
      return { kind, start, valueEnd: lastNodeEnd, flow, entries };
    }
    let close = this.skipToToken(lastEnd);
    if (entries.length > 0 && this.text.charCodeAt(close) === 0x2c /* , */) close = this.skipToToken(close + 1);
    if (this.text.charCodeAt(close) !== (kind === 'map' ? 0x7d /* } */ : 0x5d) /* ] */) throw FALL_BACK;
    const valueEnd = close + 1;
    this.nodeEnd = this.lineRest(valueEnd, false);
    return { kind, start, valueEnd, flow, entries };
  }

  /** The scalar at the walk's index, which it moves past. */
  private scalar(event: ScalarEvent, after: number, inFlow: boolean): SourceNode {
    this.index++;
    if (event.anchorStart !== -1 || event.tagStart !== -1) throw FALL_BACK;
    const { valueStart, valueEnd } = event;
    switch (event.style) {
      case SCALAR_STYLE.PLAIN: {
        if (valueStart === -1) {
          // An empty value: yaml places it after the indicator and the spaces on its line.
          if (after === -1 || inFlow) throw FALL_BACK;
          const at = this.skipSpaces(after);
          this.value = null;
          this.nodeEnd = this.lineRest(at, true);
          return { kind: 'scalar', start: at, valueEnd: at };
        }
        this.value = coreScalarValue(getScalarValue(this.text, event));
        this.nodeEnd = this.lineRest(valueEnd, false);
        return { kind: 'scalar', start: valueStart, valueEnd };
      }
      case SCALAR_STYLE.SINGLE_QUOTED:
      case SCALAR_STYLE.DOUBLE_QUOTED: {
        const value = getScalarValue(this.text, event);
        if (event.style === SCALAR_STYLE.DOUBLE_QUOTED && !event.fast) {
          // A raw control character was refused before parsing; an escaped one ("\e") lands here.
          if (UNREADABLE.test(value)) throw FALL_BACK;
          // An escaped line break before an empty line: the two libraries fold it differently.
          if (/\\\r?\n/.test(this.text.slice(valueStart, valueEnd))) throw FALL_BACK;
        }
        const end = valueEnd + 1;
        this.value = value;
        this.nodeEnd = this.lineRest(end, false);
        return { kind: 'scalar', start: valueStart - 1, valueEnd: end };
      }
      default: {
        // A block scalar: yaml's range runs from its `|` or `>` to its last line that is kept.
        const header = after === -1 ? -1 : this.skipToToken(after);
        const indicator = this.text.charCodeAt(header);
        if (header === -1 || (indicator !== 0x7c /* | */ && indicator !== 0x3e) /* > */) throw FALL_BACK;
        const end = this.blockScalarEnd(valueStart, valueEnd, event.chomping === CHOMPING_MODE.KEEP);
        this.value = getScalarValue(this.text, event);
        this.nodeEnd = end;
        return { kind: 'scalar', start: header, valueEnd: end };
      }
    }
  }

  /**
   * Where yaml's range of a block scalar with content `[start, end)` ends: after its last line
   * that is not blank, or with `keep` (`|+`) after the empty lines too. yaml's lexer decides how
   * lines of only spaces and tabs at the end belong by their indentation; such files take the
   * full parse rather than a second copy of that rule.
   */
  private blockScalarEnd(start: number, end: number, keep: boolean): number {
    const { text } = this;
    if (/^ *\t/.test(text.slice(end, text.indexOf('\n', end) + 1 || text.length))) throw FALL_BACK;
    let lastLineEnd = end;
    while (lastLineEnd > start && (text.charCodeAt(lastLineEnd - 1) === LF || text.charCodeAt(lastLineEnd - 1) === CR))
      lastLineEnd--;
    if (lastLineEnd === start) {
      if (start === end) return end;
      throw FALL_BACK;
    }
    const lineStart = text.lastIndexOf('\n', lastLineEnd - 1) + 1;
    if (/^[ \t]*$/.test(text.slice(lineStart, lastLineEnd))) throw FALL_BACK;
    if (keep) return end;
    if (text.charCodeAt(lastLineEnd) === CR && text.charCodeAt(lastLineEnd + 1) === LF) return lastLineEnd + 2;
    return text.charCodeAt(lastLineEnd) === LF ? lastLineEnd + 1 : lastLineEnd;
  }

  private hasLineBreak(start: number, end: number): boolean {
    for (let at = start; at < end; at++) if (this.text.charCodeAt(at) === LF) return true;
    return false;
  }

  /** Past the spaces and tabs at `at`. */
  private skipSpaces(at: number): number {
    const { text } = this;
    for (let c = text.charCodeAt(at); c === SPACE || c === TAB; c = text.charCodeAt(++at));
    return at;
  }

  /** Back over the spaces and tabs before `at`. */
  private skipSpacesBack(at: number): number {
    const { text } = this;
    for (let c = text.charCodeAt(at - 1); at > 0 && (c === SPACE || c === TAB); c = text.charCodeAt(--at - 1));
    return at;
  }

  /** The next character that is not space, line break or comment. */
  private skipToToken(at: number): number {
    const { text } = this;
    for (;;) {
      const c = text.charCodeAt(at);
      if (c === SPACE || c === TAB || c === LF || c === CR) at++;
      else if (c === HASH) {
        const lineEnd = text.indexOf('\n', at);
        at = lineEnd === -1 ? text.length : lineEnd;
      } else return at;
    }
  }

  /**
   * Past what trails a node on its line: spaces, a comment, and the line break — for an empty
   * value only after a comment (yaml's ranges).
   */
  private lineRest(at: number, emptyValue: boolean): number {
    const { text } = this;
    let end = this.skipSpaces(at);
    const comment = text.charCodeAt(end) === HASH;
    if (comment) {
      const lineEnd = text.indexOf('\n', end);
      end = lineEnd === -1 ? text.length : text.charCodeAt(lineEnd - 1) === CR ? lineEnd - 1 : lineEnd;
    }
    if (emptyValue && !comment) return at;
    if (text.charCodeAt(end) === CR && text.charCodeAt(end + 1) === LF) return end + 2;
    if (text.charCodeAt(end) === LF) return end + 1;
    return end === text.length ? end : at;
  }
}
