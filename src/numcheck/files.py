"""Input: find the files a run should read and decode each one, or say why it cannot.

Two kinds of trouble, kept apart on purpose:

- ``discover`` never raises for a bad path. A path that does not exist, a
  glob that matches nothing or a symlink loop under a directory comes back
  *in the result list* as an ``InputProblem(path, reason)`` at the place the
  file would have been, so a run still checks every other file and reports
  the problems in order.
- ``read`` raises ``InputError(path, reason)`` for a file that cannot be
  turned into text. ``reason`` is one line for a human ("permission denied",
  "invalid UTF-8 at byte 1,204 (line 31): 0xe9"); ``str(err)`` is
  ``"path: reason"``.

Decoding. A file is UTF-8 unless it starts with a byte-order mark: a UTF-8
BOM is dropped from the decoded text, so **offsets (spans, columns) are into
the decoded text without the BOM**; a UTF-16 or UTF-32 BOM selects that
encoding (and is dropped too). Line endings are kept as written. An empty or
whitespace-only file is fine: it simply has no facts. Data with a NUL byte,
or mostly control characters, is binary and refused, as is invalid UTF-8
(the message gives the byte offset into the file and the line).

Discovery. ``'-'`` passes through untouched (the caller reads stdin). A file
named on the command line is always taken, whatever its suffix, unless an
exclude pattern matches it (so pre-commit and editors can pass every file
and let the configuration decide). A directory is walked recursively in
code-point order of names, skipping hidden entries and ``node_modules``;
under a directory only files matching an include pattern are taken (by
default ``*.txt *.md *.markdown *.rst *.html *.htm``). A path that does not
exist but contains ``* ? [`` is expanded as a glob (``**`` recurses), for
shells or CI runners that pass a quoted pattern. Each file appears once.

Patterns: one without a ``/`` matches a file or directory name anywhere
(``drafts``, ``*.bak``); one with a ``/`` matches the path relative to the
directory walked, or the path as given (``archive/2019/*``); a leading
``**/`` also matches at the top. ``*`` crosses ``/`` (fnmatch rules).
"""

from __future__ import annotations

import errno
import fnmatch
import glob
import os
import stat
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import BinaryIO

from numcheck.model import Source

DEFAULT_INCLUDE: tuple[str, ...] = ("*.txt", "*.md", "*.markdown", "*.rst", "*.html", "*.htm")
# Never worth walking into: version-control data, virtualenvs, dependencies.
SKIP_DIRS: tuple[str, ...] = ("node_modules", "__pycache__")

STDIN = "-"

# Bytes that do not occur in text. Tab, LF, VT, FF, CR are text; ESC is left
# out so that logs with colour codes still read as text.
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27)) + b"\x7f"
# Above this share of control bytes a file is "mostly control characters".
_CONTROL_SHARE = 0.3

_BOMS: tuple[tuple[bytes, str, str], ...] = (
    # UTF-32 first: its little-endian BOM begins with UTF-16's.
    (b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32"),
    (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32"),
    (b"\xef\xbb\xbf", "utf-8", "UTF-8"),
    (b"\xff\xfe", "utf-16-le", "UTF-16"),
    (b"\xfe\xff", "utf-16-be", "UTF-16"),
)


@dataclass(frozen=True, slots=True)
class InputProblem:
    """A path given to ``discover`` that yields no file, and why."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


class InputError(Exception):
    """A file that cannot be read as text; ``reason`` is one line for a human."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(path, reason)
        self.path = path
        self.reason = reason

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


# --- discovery ---------------------------------------------------------------


def discover(
    paths: Sequence[str],
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
) -> list[str | InputProblem]:
    """The files to read for ``paths``, in a stable order, with problems in place.

    ``include`` replaces the default suffix patterns for files found under
    directories; ``exclude`` removes files and prunes directories.
    """
    include = tuple(include) or DEFAULT_INCLUDE
    exclude = tuple(exclude)
    out: list[str | InputProblem] = []
    seen: set[str] = set()

    def add(item: str | InputProblem) -> None:
        key = item if isinstance(item, str) else f"\0{item.path}\0{item.reason}"
        if isinstance(item, str) and item != STDIN:
            key = os.path.normpath(os.path.abspath(item))
        if key not in seen:
            seen.add(key)
            out.append(item)

    for arg in paths:
        if arg == STDIN:
            add(STDIN)
            continue
        if _lexists(arg):
            for item in _expand(arg, include, exclude, explicit=True):
                add(item)
        elif _is_glob(arg):
            matches = sorted(glob.glob(arg, recursive=True))
            if not matches:
                add(InputProblem(arg, "no files match this pattern"))
            for match in matches:
                # A glob stands for the files it names, so the include
                # patterns do not filter them (the user chose them).
                for item in _expand(match, include, exclude, explicit=True):
                    add(item)
        else:
            add(InputProblem(arg, "no such file or directory"))
    return out


def _lexists(path: str) -> bool:
    return os.path.lexists(path)


def _is_glob(path: str) -> bool:
    return any(c in path for c in "*?[")


def _matches(patterns: Sequence[str], name: str, rel: str) -> bool:
    rel = rel.replace(os.sep, "/")
    for pattern in patterns:
        pattern = pattern.replace(os.sep, "/").rstrip("/")
        if "/" not in pattern:
            if fnmatch.fnmatchcase(name, pattern):
                return True
            continue
        if fnmatch.fnmatchcase(rel, pattern):
            return True
        if pattern.startswith("**/") and fnmatch.fnmatchcase(rel, pattern[3:]):
            return True
    return False


def path_matches(patterns: Sequence[str], path: str, root: str | None = None) -> bool:
    """Whether ``path`` matches a pattern, read as in --exclude, relative to ``root`` when inside it."""
    rel = os.path.normpath(path)
    if root is not None and path != STDIN:
        full = os.path.abspath(path)
        if os.path.commonpath([full, root]) == root:
            rel = os.path.relpath(full, root)
    return _matches(patterns, os.path.basename(rel), rel)


def _expand(arg: str, include: Sequence[str], exclude: Sequence[str], *, explicit: bool) -> list[str | InputProblem]:
    """One existing path (file, directory or symlink) as files and problems."""
    name = os.path.basename(os.path.normpath(arg))
    if exclude and _matches(exclude, name, os.path.normpath(arg)):
        return []
    try:
        st = os.stat(arg)
    except OSError as err:
        return [InputProblem(arg, _os_reason(err))]
    if stat.S_ISDIR(st.st_mode):
        return _walk(arg, st, include, exclude)
    # Named files are read whatever they are: read() says if one is not text.
    return [arg]


def _walk(
    root: str, root_stat: os.stat_result, include: Sequence[str], exclude: Sequence[str]
) -> list[str | InputProblem]:
    """Files under ``root`` depth-first in name order; symlink loops become problems.

    Iterative, so a very deep tree cannot exhaust Python's recursion limit.
    A directory is walked once even if several symlinks lead to it; one that
    leads back to a directory being walked is a loop and is reported.
    """
    out: list[str | InputProblem] = []
    walked: set[tuple[int, int]] = {(root_stat.st_dev, root_stat.st_ino)}
    # A stack of results and of directories still to list, each directory as
    # (path, path relative to root, identities of it and its ancestors); a
    # listed directory pushes its children reversed so they pop in name order.
    pending: list[tuple[str, str, frozenset[tuple[int, int]]] | str | InputProblem] = [
        (root, "", frozenset({(root_stat.st_dev, root_stat.st_ino)}))
    ]
    while pending:
        item = pending.pop()
        if not isinstance(item, tuple):
            out.append(item)
            continue
        directory, rel_dir, ancestors = item
        try:
            with os.scandir(directory) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as err:
            out.append(InputProblem(directory, _os_reason(err)))
            continue
        children: list[tuple[str, str, frozenset[tuple[int, int]]] | str | InputProblem] = []
        for entry in entries:
            name = entry.name
            if name.startswith(".") or name in SKIP_DIRS:
                continue
            path = os.path.join(directory, name)
            rel = os.path.join(rel_dir, name) if rel_dir else name
            if exclude and _matches(exclude, name, rel):
                continue
            try:
                st = os.stat(path)
            except OSError as err:
                # A dangling or self-referencing symlink: worth a word only if
                # it would have been read.
                if _matches(include, name, rel):
                    children.append(InputProblem(path, _os_reason(err)))
                continue
            if stat.S_ISDIR(st.st_mode):
                ident = (st.st_dev, st.st_ino)
                if ident in ancestors:
                    target = os.path.realpath(path)
                    children.append(InputProblem(path, f"symlink loop: leads back to {target}, not followed"))
                    continue
                if ident in walked:
                    continue
                walked.add(ident)
                children.append((path, rel, ancestors | {ident}))
            elif stat.S_ISREG(st.st_mode) and _matches(include, name, rel):
                children.append(path)
        pending.extend(reversed(children))
    return out


def _os_reason(err: OSError) -> str:
    """One line for an OSError, without Python's "[Errno 2]" decoration."""
    if err.errno == errno.ENOENT:
        return "no such file or directory"
    if err.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if err.errno == errno.EISDIR:
        return "is a directory"
    if err.errno == errno.ELOOP:
        return "symlink loop (too many levels of symbolic links)"
    if err.errno == errno.ENOTDIR:
        return "not a directory"
    return (err.strerror or type(err).__name__).lower()


# --- reading -----------------------------------------------------------------


def read(path: str) -> Source:
    """The text of ``path`` (``'-'`` is stdin); raises ``InputError`` with a one-line reason."""
    if path == STDIN:
        return read_stdin()
    try:
        st = os.stat(path)
    except OSError as err:
        raise InputError(path, _os_reason(err)) from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError(path, "is a directory")
    # A FIFO (process substitution) is read; devices and sockets may never end.
    if not (stat.S_ISREG(st.st_mode) or stat.S_ISFIFO(st.st_mode)):
        raise InputError(path, "not a regular file")
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as err:
        raise InputError(path, _os_reason(err)) from None
    return Source(path, decode(data, path))


def read_stdin(stream: BinaryIO | None = None) -> Source:
    """Standard input (or ``stream``) decoded like a file; the Source's path is ``'-'``."""
    if stream is None:
        stream = sys.stdin.buffer
    try:
        data = stream.read()
    except OSError as err:
        raise InputError(STDIN, _os_reason(err)) from None
    return Source(STDIN, decode(data, STDIN))


def decode(data: bytes, path: str = "") -> str:
    """Bytes as text by the rules in the module docstring; raises ``InputError``."""
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            try:
                text = body.decode(codec)
            except UnicodeDecodeError as err:
                raise InputError(path, _bad_bytes(label, data, err.start + len(bom))) from None
            if label == "UTF-8":
                _refuse_binary(path, body, len(bom))
            elif _control_share(text) > _CONTROL_SHARE or "\0" in text:
                raise InputError(path, "binary data (control characters after a byte-order mark)")
            return text
    _refuse_binary(path, data, 0)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise InputError(path, _bad_bytes("UTF-8", data, err.start)) from None


def _refuse_binary(path: str, data: bytes, base: int) -> None:
    nul = data.find(b"\0")
    if nul >= 0:
        # Every other byte NUL: most likely UTF-16 saved without its BOM.
        sample = data[:4096]
        if len(sample) >= 4 and (sample[1::2].count(0) > len(sample) // 3 or sample[0::2].count(0) > len(sample) // 3):
            raise InputError(path, f"binary data (NUL byte at byte {base + nul:,}; UTF-16 without a byte-order mark?)")
        raise InputError(path, f"binary data (NUL byte at byte {base + nul:,})")
    if data:
        controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
        if controls > _CONTROL_SHARE * len(data):
            raise InputError(path, f"binary data ({100 * controls // len(data)}% control characters)")


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    # In UTF-8 a byte below 0x80 is always that ASCII character, so counting
    # control bytes of the encoding counts control characters of the text.
    data = text.encode("utf-8", "surrogatepass")
    return (len(data) - len(data.translate(None, _CONTROL_BYTES))) / len(text)


def _bad_bytes(label: str, data: bytes, offset: int) -> str:
    line = data.count(b"\n", 0, offset) + 1
    return f"invalid {label} at byte {offset:,} (line {line}): 0x{data[offset]:02x}"
