"""Parse every script, style sheet and HTML fragment the app ships (components/assets, and the style sheets in
briefing/figures and the pack's templates); `make check` runs it.

Pure Python, so a fresh machine needs no Node: JavaScript through esprima, as an ES module (the parser knows
ECMAScript 2017: newer syntax such as ``?.`` is refused, so it is not used); CSS through tinycss2, every rule, nested
block and declaration, and a block or comment left open at the end; HTML through the standard library's parser, every
element closed in the order it was opened. Each problem is printed as ``path:line: message``; any problem exits 1.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from html.parser import HTMLParser
from pathlib import Path

import esprima
import tinycss2
from tinycss2 import ast

PROJECT = Path(__file__).resolve().parents[1]
# the components' files, and the style sheets the domain layer ships (the range strip, the pack's templates)
PLACES = ("components/assets/*", "briefing/figures/*.css", "briefing/pack/templates/*.css")
KINDS = (".js", ".css", ".html")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def js_problems(text: str) -> list[tuple[int, str]]:
    try:
        esprima.parseModule(text)
    except esprima.Error as error:
        line = getattr(error, "lineNumber", 0)
        return [(line, str(error).removeprefix(f"Line {line}: "))]
    return []


def _token_errors(tokens: Iterable[ast.Node] | None) -> list[tuple[int, str]]:
    """Errors among component values, inside functions and brackets too."""
    found: list[tuple[int, str]] = []
    for token in tokens or ():
        if isinstance(token, ast.ParseError):
            found.append((token.source_line, token.message))
        elif isinstance(token, ast.FunctionBlock):
            found += _token_errors(token.arguments)
        elif isinstance(token, ast.ParenthesesBlock | ast.SquareBracketsBlock | ast.CurlyBracketsBlock):
            found += _token_errors(token.content)
    return found


def _rule_errors(nodes: Iterable[ast.Node]) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for node in nodes:
        if isinstance(node, ast.ParseError):
            found.append((node.source_line, node.message))
        elif isinstance(node, ast.Declaration):
            found += _token_errors(node.value)
            # a ':' loose in a value: the ';' before the next declaration is missing ("color: red margin: 0")
            found += [(t.source_line, f"':' inside the value of {node.name!r}: a ';' missing?") for t in node.value if t == ":"]
        elif isinstance(node, ast.QualifiedRule | ast.AtRule):
            found += _token_errors(node.prelude)
            if node.content is not None:
                found += _rule_errors(tinycss2.parse_blocks_contents(node.content, skip_whitespace=True, skip_comments=True))
            elif isinstance(node, ast.QualifiedRule):
                found.append((node.source_line, "a rule without its block"))
    return found


def css_problems(text: str) -> list[tuple[int, str]]:
    found = _rule_errors(tinycss2.parse_stylesheet(text, skip_whitespace=True, skip_comments=True))
    # the tokenizer closes what is left open at the end silently: a closing brace added after the text is unmatched
    # only if every block and comment before it was closed
    last_line = text.count("\n") + 2
    tail = [token for token in tinycss2.parse_component_value_list(text + "\n}") if isinstance(token, ast.ParseError)]
    if not (tail and tail[-1].kind == "}" and tail[-1].source_line == last_line):
        found.append((last_line - 1, "a block or a comment is not closed by the end of the file"))
    return sorted(set(found))


class _Balance(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[tuple[str, int]] = []
        self.problems: list[tuple[int, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID:
            self.open.append((tag, self.getpos()[0]))

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open[-1][0] != tag:
            expected = f"</{self.open[-1][0]}>" if self.open else "nothing open"
            self.problems.append((self.getpos()[0], f"</{tag}> where {expected} was due"))
            return
        self.open.pop()


def html_problems(text: str) -> list[tuple[int, str]]:
    parser = _Balance()
    parser.feed(text)
    parser.close()
    return parser.problems + [(line, f"<{tag}> is never closed") for tag, line in parser.open]


def problems(paths: Iterable[Path]) -> list[str]:
    """Each problem in these files as ``path:line: message``."""
    checks = {".js": js_problems, ".css": css_problems, ".html": html_problems}
    found = []
    for path in paths:
        for line, message in checks[path.suffix](path.read_text(encoding="utf-8")):
            found.append(f"{path}:{line}: {message}")
    return found


def assets() -> list[Path]:
    return sorted(path for pattern in PLACES for path in PROJECT.glob(pattern) if path.suffix in KINDS)


def main(argv: Sequence[str] | None = None) -> int:
    paths = [Path(arg) for arg in argv] if argv else assets()
    found = problems(paths)
    for problem in found:
        print(problem, file=sys.stderr)
    counts = ", ".join(f"{sum(path.suffix == kind for path in paths)} {kind[1:]}" for kind in KINDS)
    print(f"{len(paths)} files parsed ({counts}): {len(found) or 'no'} problem{'' if len(found) == 1 else 's'}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
