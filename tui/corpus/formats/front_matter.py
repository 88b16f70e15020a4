"""Front matter at the very top of Markdown and text files: TOML between `+++` lines or
YAML between `---` lines.

Recognised keys: `title`, `outlet` (also `source`, `publisher`, `site`), `url` (also
`link`), `published` (also `date`) and `author` (also `authors`, a list joined with ", ").
Other keys are ignored, so files written for static site generators load as they are.

Decisions (issue 7):

- Article.text is the body after the closing delimiter line, so claim offsets slice the
  body and the front matter never becomes claims.
- The article's sha256 stays the hash of the file's bytes, as for every plain file. Equal
  hashes still mean equal text (the text is a function of the bytes), which is all verdict
  anchoring needs; an edit to the front matter alone changes the hash, and re-anchoring
  then finds every quote at its old offset. Hashing the bytes also keeps two files that
  share a body but name different outlets (wire copies) from being merged as duplicates.
- A block that is delimited but cannot be parsed still counts as front matter: it is
  reported with the file and line, left out of the text, and the file loads without
  metadata. An opening delimiter that is never closed is not front matter: the whole file
  is the text, with a warning.

This module imports nothing heavy: tomllib is small, and yaml is imported only when a file
actually starts with a YAML block.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

_ALIASES: dict[str, tuple[str, ...]] = {
    "title": ("title",),
    "outlet": ("outlet", "source", "publisher", "site"),
    "url": ("url", "link"),
    "published": ("published", "date"),
    "author": ("author", "authors"),
}
_DELIMITERS = {"+++": "TOML", "---": "YAML"}
_TOML_WHERE = re.compile(r"\(at line (\d+), column (\d+)\)")


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """What the top of a file said. `body_start` is where the body begins in the text."""

    body_start: int = 0
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    author: str | None = None
    problems: tuple[str, ...] = ()  # "line N: what", to be prefixed with the file name

    @property
    def found(self) -> bool:
        return self.body_start > 0


def _lines_with_ends(text: str) -> list[tuple[int, str]]:
    """(offset, line without its line ending) for each line. Only "\n" (with an optional
    "\r") ends a line, as in TOML; other Unicode line separators are ordinary text here."""
    out = []
    offset = 0
    for raw in text.split("\n"):
        out.append((offset, raw.removesuffix("\r")))
        offset += len(raw) + 1
    if out and out[-1][1] == "" and text.endswith("\n"):
        out.pop()  # the empty remainder after a final newline is not a line
    return out


def split_front_matter(text: str) -> FrontMatter:
    """Parse a front matter block at the very top of `text`, if there is one."""
    lines = _lines_with_ends(text)
    if not lines:
        return FrontMatter()
    opener = lines[0][1].rstrip()
    if opener not in _DELIMITERS:
        return FrontMatter()
    language = _DELIMITERS[opener]
    for index in range(1, len(lines)):
        offset, line = lines[index]
        if line.rstrip() == opener:
            block = text[lines[1][0] : offset]
            end = lines[index + 1][0] if index + 1 < len(lines) else len(text)
            data, problems = _parse(block, language)
            return _front_matter(data, problems, end, text)
    return FrontMatter(
        problems=(
            f"line 1: front matter opened with '{opener}' is never closed; "
            "read the whole file as text",
        )
    )


# Arrays or mappings nested deeper than the parser's stack allows (crafted, never written by
# hand): the block is ignored like any other that cannot be read.
_TOO_DEEP = "line 2: front matter nests too deeply to read; ignored"


def _parse(block: str, language: str) -> tuple[Mapping[str, Any], list[str]]:
    if language == "TOML":
        try:
            return tomllib.loads(block), []
        except tomllib.TOMLDecodeError as exc:
            message = str(exc)
            where = _TOML_WHERE.search(message)
            line = int(where.group(1)) + 1 if where else 1
            what = _TOML_WHERE.sub("", message).strip()
            return {}, [f"line {line}: front matter is not valid TOML ({what}); ignored"]
        except RecursionError:
            return {}, [_TOO_DEEP]
    import yaml  # only files that start with a YAML block pay for this import

    try:
        data = yaml.safe_load(block)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        what = getattr(exc, "problem", None) or type(exc).__name__
        return {}, [f"line {line}: front matter is not valid YAML ({what}); ignored"]
    except RecursionError:
        return {}, [_TOO_DEEP]
    if data is None:
        return {}, []
    if not isinstance(data, Mapping):
        return {}, [
            f"line 2: front matter must be key: value pairs, not a {type(data).__name__}; ignored"
        ]
    return data, []


def _key_line(text: str, key: str, end: int) -> int:
    """1-based line of `key` inside the block (for messages), else the opening line."""
    pattern = re.compile(rf"^\s*['\"]?{re.escape(key)}['\"]?\s*[=:]", re.MULTILINE)
    found = pattern.search(text, 0, end)
    return text.count("\n", 0, found.start()) + 1 if found else 1


def _as_text(key: str, value: Any) -> tuple[str | None, str | None]:
    """The value as a string, or a problem description."""
    if isinstance(value, str):
        return (value.strip() or None), None
    if isinstance(value, dt.datetime | dt.date) and key in ("published", "date"):
        return value.isoformat(), None
    is_names = isinstance(value, list) and all(isinstance(v, str) for v in value)
    if is_names and key in ("author", "authors"):
        joined = ", ".join(v.strip() for v in value if v.strip())
        return joined or None, None
    kind = type(value).__name__
    return None, f"'{key}' should be text, not a {kind}; ignored"


def _iso_date(value: str) -> bool:
    try:
        dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def _front_matter(data: Mapping[str, Any], problems: list[str], end: int, text: str) -> FrontMatter:
    fields: dict[str, str | None] = {}
    for name, keys in _ALIASES.items():
        present = [k for k in keys if k in data]
        if not present:
            continue
        key = present[0]
        value, problem = _as_text(key, data[key])
        line = _key_line(text, key, end)
        if problem is not None:
            problems.append(f"line {line}: {problem}")
            continue
        if name == "published" and value is not None and not _iso_date(value):
            problems.append(
                f"line {line}: '{key}' {value!r} is not an ISO 8601 date; kept as written"
            )
        fields[name] = value
    return FrontMatter(body_start=end, problems=tuple(problems), **fields)
