"""Golden data for the linter's static python reader (src/lint/codeTokens.ts, codeRead.ts).

Reads test/fixtures/lint/formula-code-mismatch/reading/snippets.py (snippets separated by `# ---` lines)
and writes tokens.json next to it: for each snippet, CPython's own tokens (tokenize module: NAME, NUMBER,
STRING, OP, COMMENT and logical NEWLINE, with UTF-16-free character offsets) and, for every NUMBER, its
value as CPython evaluates the literal (ast.literal_eval; complex literals are null); and the bindings
CPython's ast finds (assignments, parameter defaults, keyword arguments) with their literal values.

Run: python3 scripts/golden/lint_python_reading.py   (CPython 3.11)
"""
import ast
import io
import json
import pathlib
import tokenize

ROOT = pathlib.Path(__file__).resolve().parents[2]
DIR = ROOT / "test" / "fixtures" / "lint" / "formula-code-mismatch" / "reading"
KINDS = {tokenize.NAME: "name", tokenize.NUMBER: "number", tokenize.STRING: "string", tokenize.OP: "op",
         tokenize.COMMENT: "comment", tokenize.NEWLINE: "newline"}


def offsets(src):
    starts = [0]
    for line in src.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))
    return lambda row, col: starts[row - 1] + col


def tokens(src):
    at = offsets(src)
    out = []
    for t in tokenize.generate_tokens(io.StringIO(src).readline):
        kind = KINDS.get(t.type)
        if kind is None:
            continue
        if kind == "newline" and t.string == "":
            continue  # the implicit NEWLINE at end of input has no character
        start = at(*t.start)
        tok = {"kind": kind, "text": t.string, "start": start}
        if kind == "number":
            v = ast.literal_eval(t.string)
            tok["value"] = None if isinstance(v, complex) else float(v)
        out.append(tok)
    return out


def literal(node):
    """The number (or tuple of numbers) a node denotes, as CPython evaluates a literal; None otherwise."""
    try:
        v = ast.literal_eval(node)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return None
    if isinstance(v, bool):
        return float(v)
    if isinstance(v, (int, float)):
        return float(v)
    if isinstance(v, tuple) and all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in v):
        return [float(x) for x in v]
    return None


def dotted(node):
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = dotted(node.value)
        return base and f"{base}.{node.attr}"
    if isinstance(node, ast.Subscript):
        return dotted(node.value)
    return None


def bindings(src):
    """What the reader must find: assignments, parameter defaults and keyword arguments, with values."""
    out = []
    for node in ast.walk(ast.parse(src)):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Tuple) and isinstance(node.value, ast.Tuple) and len(target.elts) == len(node.value.elts):
                    for t, v in zip(target.elts, node.value.elts):
                        out.append({"name": dotted(t), "origin": "assign", "value": literal(v)})
                elif dotted(target):
                    out.append({"name": dotted(target), "origin": "assign", "value": literal(node.value)})
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            args = node.args.posonlyargs + node.args.args
            for a, d in zip(args[len(args) - len(node.args.defaults):], node.args.defaults):
                out.append({"name": a.arg, "origin": "default", "value": literal(d)})
            for a, d in zip(node.args.kwonlyargs, node.args.kw_defaults):
                if d is not None:
                    out.append({"name": a.arg, "origin": "default", "value": literal(d)})
        elif isinstance(node, ast.Call):
            for kw in node.keywords:
                if kw.arg:
                    out.append({"name": kw.arg, "origin": "kwarg", "value": literal(kw.value)})
    return sorted(out, key=lambda b: (b["origin"], b["name"], json.dumps(b["value"])))


def main():
    text = (DIR / "snippets.py").read_text()
    snippets = [s.strip("\n") + "\n" for s in text.split("# ---\n") if s.strip()]
    data = [{"source": s, "tokens": tokens(s), "bindings": bindings(s)} for s in snippets]
    (DIR / "tokens.json").write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n")
    print(f"{len(data)} snippets")


if __name__ == "__main__":
    main()
