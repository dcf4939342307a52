// AST node shapes produced by the parser (a subset of CPython's Lib/ast.py grammar) with positions
// (1-based lines, 0-based columns) used for tracebacks and the 3.11 caret lines.

export interface Pos {
  line: number;
  col: number;
  endLine: number;
  endCol: number;
}

export type Expr = Pos & (
  | { type: 'Name'; id: string }
  | { type: 'Const'; value: unknown; kind: 'int' | 'float' | 'str' | 'bool' | 'none' | 'bytes' | 'ellipsis' | 'complex' }
  | { type: 'JoinedStr'; parts: (string | FormattedValue)[] }
  | { type: 'BinOp'; op: string; left: Expr; right: Expr }
  | { type: 'UnaryOp'; op: string; operand: Expr }
  | { type: 'BoolOp'; op: 'and' | 'or'; values: Expr[] }
  | { type: 'Compare'; left: Expr; ops: string[]; comparators: Expr[] }
  | { type: 'Call'; func: Expr; args: Expr[]; keywords: Keyword[] }
  | { type: 'Attribute'; value: Expr; attr: string }
  | { type: 'Subscript'; value: Expr; slice: Expr }
  | { type: 'Slice'; lower: Expr | null; upper: Expr | null; step: Expr | null }
  | { type: 'Starred'; value: Expr }
  | { type: 'List'; elts: Expr[] }
  | { type: 'Tuple'; elts: Expr[]; parens: boolean }
  | { type: 'Set'; elts: Expr[] }
  | { type: 'Dict'; keys: (Expr | null)[]; values: Expr[] }
  | { type: 'IfExp'; test: Expr; body: Expr; orelse: Expr }
  | { type: 'Lambda'; args: Arguments; body: Expr }
  | { type: 'ListComp' | 'SetComp' | 'GeneratorExp'; elt: Expr; generators: Comprehension[] }
  | { type: 'DictComp'; key: Expr; value: Expr; generators: Comprehension[] }
  | { type: 'Yield'; value: Expr | null }
  | { type: 'YieldFrom'; value: Expr }
  | { type: 'NamedExpr'; target: Expr; value: Expr }
  | { type: 'Await'; value: Expr }
);

export interface FormattedValue {
  expr: Expr;
  conversion: string | null;
  spec: (string | FormattedValue)[] | null;
  /** For `f"{x=}"`: the literal text to print before the value. */
  selfDoc?: string;
}

export interface Keyword {
  arg: string | null; // null for **kwargs
  value: Expr;
}

export interface Comprehension {
  target: Expr;
  iter: Expr;
  ifs: Expr[];
}

export interface Arg {
  name: string;
  default: Expr | null;
}

export interface Arguments {
  posonly: Arg[];
  args: Arg[];
  vararg: string | null;
  kwonly: Arg[];
  kwarg: string | null;
}

export interface ExceptHandler extends Pos {
  excType: Expr | null;
  name: string | null;
  body: Stmt[];
}

export type Stmt = Pos & (
  | { type: 'Expr'; value: Expr }
  | { type: 'Assign'; targets: Expr[]; value: Expr }
  | { type: 'AugAssign'; target: Expr; op: string; value: Expr }
  | { type: 'AnnAssign'; target: Expr; value: Expr | null }
  | { type: 'If'; test: Expr; body: Stmt[]; orelse: Stmt[] }
  | { type: 'For'; target: Expr; iter: Expr; body: Stmt[]; orelse: Stmt[] }
  | { type: 'While'; test: Expr; body: Stmt[]; orelse: Stmt[] }
  | { type: 'Break' }
  | { type: 'Continue' }
  | { type: 'Pass' }
  | { type: 'Return'; value: Expr | null }
  | { type: 'FunctionDef'; name: string; args: Arguments; body: Stmt[]; decorators: Expr[]; isAsync: boolean }
  | { type: 'ClassDef'; name: string; bases: Expr[]; keywords: Keyword[]; body: Stmt[]; decorators: Expr[] }
  | { type: 'Try'; body: Stmt[]; handlers: ExceptHandler[]; orelse: Stmt[]; finalbody: Stmt[] }
  | { type: 'Raise'; exc: Expr | null; cause: Expr | null }
  | { type: 'Assert'; test: Expr; msg: Expr | null }
  | { type: 'With'; items: { ctx: Expr; vars: Expr | null }[]; body: Stmt[] }
  | { type: 'Delete'; targets: Expr[] }
  | { type: 'Global'; names: string[] }
  | { type: 'Nonlocal'; names: string[] }
  | { type: 'Import'; names: { name: string; asname: string | null }[] }
  | { type: 'ImportFrom'; module: string; names: { name: string; asname: string | null }[]; level: number }
);

export type ExprOf<T extends Expr['type']> = Extract<Expr, { type: T }>;
export type StmtOf<T extends Stmt['type']> = Extract<Stmt, { type: T }>;
