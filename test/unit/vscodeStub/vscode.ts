/**
 * The few parts of the VS Code API that src/vscode's editor-independent adapters use, as plain
 * classes, so unit tests (test/unit/vscode*.test.ts) and the benchmark run them in Node without an
 * editor. `./register` makes `import 'vscode'` resolve here. Test controls (settings, workspace
 * folders) are on `stub`; they are not part of the real API.
 */
import * as path from 'node:path';

export class Position {
  constructor(
    readonly line: number,
    readonly character: number,
  ) {}
}

export class Range {
  readonly start: Position;
  readonly end: Position;
  constructor(startLine: number, startCharacter: number, endLine: number, endCharacter: number) {
    this.start = new Position(startLine, startCharacter);
    this.end = new Position(endLine, endCharacter);
  }
  isEqual(other: Range): boolean {
    return (
      this.start.line === other.start.line &&
      this.start.character === other.start.character &&
      this.end.line === other.end.line &&
      this.end.character === other.end.character
    );
  }
}

export enum DiagnosticSeverity {
  Error = 0,
  Warning = 1,
  Information = 2,
  Hint = 3,
}

export class Diagnostic {
  source?: string;
  code?: unknown;
  constructor(
    public range: Range,
    public message: string,
    public severity: DiagnosticSeverity = DiagnosticSeverity.Error,
  ) {}
}

/** `file:` URIs only, on POSIX paths: what the adapters build and compare. */
export class Uri {
  private constructor(
    readonly scheme: string,
    readonly path: string,
  ) {}
  get fsPath(): string {
    return this.path;
  }
  static file(fsPath: string): Uri {
    return new Uri('file', path.posix.normalize(fsPath));
  }
  static parse(value: string): Uri {
    const url = new URL(value);
    return new Uri(url.protocol.replace(/:$/, ''), decodeURIComponent(url.pathname));
  }
  static joinPath(base: Uri, ...parts: string[]): Uri {
    return new Uri(base.scheme, path.posix.join(base.path, ...parts));
  }
  toString(): string {
    return `${this.scheme}://${encodeURI(this.path)}`;
  }
}

interface WorkspaceFolder {
  uri: Uri;
  name: string;
  index: number;
}

/** Test controls: what `workspace.getConfiguration('dipsample')` and `getWorkspaceFolder` answer. */
export const stub = {
  /** Settings by name (without the `dipsample.` prefix), for every resource. */
  settings: {} as Record<string, unknown>,
  workspaceFolders: [] as WorkspaceFolder[],
  reset(): void {
    this.settings = {};
    this.workspaceFolders = [];
  },
};

export const workspace = {
  getConfiguration(_section?: string, _resource?: Uri) {
    return {
      get<T>(key: string, defaultValue?: T): T | undefined {
        return key in stub.settings ? (stub.settings[key] as T) : defaultValue;
      },
    };
  },
  getWorkspaceFolder(uri: Uri): WorkspaceFolder | undefined {
    return stub.workspaceFolders
      .filter((folder) => uri.path === folder.uri.path || uri.path.startsWith(folder.uri.path + '/'))
      .sort((a, b) => b.uri.path.length - a.uri.path.length)[0];
  },
};
