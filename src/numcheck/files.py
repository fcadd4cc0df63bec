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
or directory named on the command line is always taken, whatever its suffix
and even if an exclude pattern matches it, as ruff does; with
``force_exclude`` (``--force-exclude``, what the pre-commit hook passes) the
exclude patterns apply to named paths too, so pre-commit and editors can pass
every file and let the configuration decide. A directory is walked
recursively in code-point order of names, skipping hidden entries,
``node_modules`` and, inside a git work tree, what git ignores (``.gitignore``,
``.git/info/exclude``, the global excludes file; ``respect_gitignore=False``
turns this off); under a directory only files matching an include pattern are
taken (by default ``*.txt *.md *.markdown *.rst *.html *.htm``). A path that
does not exist but contains ``* ? [`` is expanded as a glob (``**`` recurses),
for shells or CI runners that pass a quoted pattern; its matches go through
the exclude patterns and ``.gitignore`` as a walk's do. Each file appears once.

Nothing to check is never silent: a directory or glob that yields no file to
check is an ``InputProblem`` in place, like a path that does not exist.

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
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import BinaryIO, NoReturn

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
# A file is read and decoded this many bytes at a time, so that its bytes and
# its text are never both whole in memory: a 100 MB UTF-8 file of news peaked
# at 313 MB read whole (100 MB of bytes beside 200 MB of text, two bytes a
# character once one character is past U+00FF). A chunk costs one system call
# and one decode call; 1 MiB makes their number negligible.
READ_CHUNK = 1 << 20

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
    *,
    respect_gitignore: bool = True,
    force_exclude: bool = False,
) -> list[str | InputProblem]:
    """The files to read for ``paths``, in a stable order, with problems in place.

    ``include`` replaces the default suffix patterns for files found under
    directories; ``exclude`` removes files and prunes directories (and, with
    ``force_exclude``, also applies to paths named in ``paths``).
    """
    include = tuple(include) or DEFAULT_INCLUDE
    exclude = tuple(exclude)
    ignored = GitIgnored() if respect_gitignore else None
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
            if force_exclude and _excluded(arg, exclude):
                continue  # the configuration decides, as asked
            found = _expand(arg, include, exclude, ignored)
            if not found:
                add(InputProblem(arg, _nothing_here(include)))
            for item in found:
                add(item)
        elif _is_glob(arg):
            matches = sorted(glob.glob(arg, recursive=True))
            if not matches:
                add(InputProblem(arg, "no files match this pattern"))
                continue
            kept = [m for m in matches if not _skipped(m, exclude, ignored)]
            found = [item for m in kept for item in _expand(m, include, exclude, ignored)]
            if not found:
                add(InputProblem(arg, "no files to check match this pattern (the rest are excluded or git-ignored)"))
            for item in found:
                add(item)
        else:
            add(InputProblem(arg, "no such file or directory"))
    return out


def _excluded(path: str, exclude: Sequence[str]) -> bool:
    """Whether an exclude pattern matches ``path`` as given or any folder on the way to it ("drafts" and "drafts/a.md")."""
    parts = os.path.normpath(path).split(os.sep)
    return any(
        _matches(exclude, parts[i - 1], os.sep.join(parts[:i])) for i in range(1, len(parts) + 1) if parts[i - 1]
    )


def _skipped(path: str, exclude: Sequence[str], ignored: GitIgnored | None) -> bool:
    """A glob match that a walk would not have taken: excluded or ignored by git."""
    return _excluded(path, exclude) or (ignored is not None and ignored(path))


def _nothing_here(include: Sequence[str]) -> str:
    return (
        f"no files to check: nothing here matches the include patterns ({' '.join(include)}) "
        "outside the exclude patterns and .gitignore"
    )


class GitIgnored:
    """Whether git ignores a path: one ``git ls-files`` per work tree, asked lazily and kept.

    Outside a git work tree, or without git, nothing is ignored. Tracked files
    are never ignored (git's own rule), whatever ``.gitignore`` says.
    """

    def __init__(self) -> None:
        self._trees: dict[str, frozenset[str]] = {}
        self._roots: dict[str, str | None] = {}  # folder -> its work tree, so a walk stats each folder once

    def __call__(self, path: str, under: str | None = None) -> bool:
        """Whether git ignores ``path``; with ``under`` (a folder named by the user) only what lies below it counts."""
        full = os.path.abspath(path)
        root = self._work_tree(os.path.dirname(full))
        if root is None:
            return False
        if root not in self._trees:
            self._trees[root] = _git_ignored(root)
        listed = self._trees[root]
        if not listed:
            return False
        parts = os.path.relpath(full, root).replace(os.sep, "/").split("/")
        # A folder the user named is walked even if git ignores it: only what lies below it counts.
        named = os.path.relpath(os.path.abspath(under), root) if under else "."
        depth = 0 if named == "." or named.startswith("..") else len(named.split(os.sep))
        # git lists an ignored folder once, as "dir/", and an ignored file by its path.
        rel = "/".join(parts)
        return rel in listed or any("/".join(parts[:i]) + "/" in listed for i in range(depth + 1, len(parts) + 1))

    def _work_tree(self, start: str) -> str | None:
        """The nearest folder at or above ``start`` holding ``.git`` (a folder, or a file in a linked work tree).

        Every folder passed on the way is remembered, so a walk looks at each folder once.
        """
        climbed: list[str] = []
        folder = start
        while folder not in self._roots:
            climbed.append(folder)
            if os.path.exists(os.path.join(folder, ".git")):
                self._roots[folder] = folder
                break
            parent = os.path.dirname(folder)
            if parent == folder:
                self._roots[folder] = None
                break
            folder = parent
        found = self._roots[folder]
        for f in climbed:
            self._roots[f] = found
        return found


def _git_ignored(root: str) -> frozenset[str]:
    """The untracked paths git ignores under ``root``, relative to it; ignored folders end in "/"."""
    import subprocess

    try:
        proc = subprocess.run(
            ["git", "ls-files", "-z", "--others", "--ignored", "--exclude-standard", "--directory"],
            cwd=root,
            capture_output=True,
            check=False,
        )
    except OSError:
        return frozenset()  # git not installed: .gitignore cannot be read as git reads it
    if proc.returncode != 0:
        return frozenset()
    return frozenset(p for p in proc.stdout.decode("utf-8", "surrogateescape").split("\0") if p)


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


def _expand(
    arg: str, include: Sequence[str], exclude: Sequence[str], ignored: GitIgnored | None
) -> list[str | InputProblem]:
    """One existing path (file, directory or symlink) as files and problems."""
    try:
        st = os.stat(arg)
    except OSError as err:
        return [InputProblem(arg, _os_reason(err))]
    if stat.S_ISDIR(st.st_mode):
        return _walk(arg, st, include, exclude, ignored)
    # Named files are read whatever they are: read() says if one is not text.
    return [arg]


def _walk(
    root: str,
    root_stat: os.stat_result,
    include: Sequence[str],
    exclude: Sequence[str],
    ignored: GitIgnored | None = None,
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
            if ignored is not None and ignored(path, under=root):
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
            text = decode_stream(handle, path)
    except OSError as err:
        raise InputError(path, _os_reason(err)) from None
    return Source(path, text)


def read_stdin(stream: BinaryIO | None = None) -> Source:
    """Standard input (or ``stream``) decoded like a file; the Source's path is ``'-'``."""
    if stream is None:
        stream = sys.stdin.buffer
    try:
        text = decode_stream(stream, STDIN)
    except OSError as err:
        raise InputError(STDIN, _os_reason(err)) from None
    return Source(STDIN, text)


def decode_stream(stream: BinaryIO, path: str = "") -> str:
    """``decode`` of everything ``stream`` holds, read ``READ_CHUNK`` bytes at a time; raises ``InputError``.

    The same text and the same reasons as ``decode(stream.read())``, but a
    UTF-8 file's bytes are never all in memory beside its text: each chunk is
    decoded and appended, and the text is all that grows. A file with a
    UTF-16 or UTF-32 byte-order mark is read whole and given to ``decode``.
    """
    head = stream.read(max(READ_CHUNK, 4))
    while 0 < len(head) < 4 and (more := stream.read(4 - len(head))):
        head += more  # a pipe may give less: enough to see any byte-order mark
    base = 0
    if head.startswith(b"\xef\xbb\xbf"):
        base = 3
    elif any(head.startswith(bom) for bom, _, _ in _BOMS):
        return decode(head + stream.read(), path)
    text, scan = _utf8_chunks(_chunks(head[base:] if base else head, stream), base)
    if scan.nul >= 0:
        _refuse_nul(path, scan.sample, scan.nul)
    if scan.size and scan.controls > _CONTROL_SHARE * scan.size:
        raise InputError(path, f"binary data ({100 * scan.controls // scan.size}% control characters)")
    if scan.error is not None:
        offset, line, byte = scan.error
        raise InputError(path, f"invalid UTF-8 at byte {offset:,} (line {line}): 0x{byte:02x}")
    return text


def _chunks(first: bytes, stream: BinaryIO) -> Iterator[bytes]:
    chunk = first
    while chunk:
        yield chunk
        chunk = stream.read(READ_CHUNK)


@dataclass(frozen=True, slots=True)
class _Scan:
    """What ``_utf8_chunks`` saw besides the text: what ``_refuse_binary`` and a decode error report."""

    sample: bytes  # the first 4,096 bytes (UTF-16 without a BOM shows there)
    size: int  # bytes read (after a BOM)
    controls: int  # control bytes among them
    nul: int  # file offset of the first NUL byte, or -1
    error: tuple[int, int, int] | None  # the first invalid UTF-8: file offset, line, the byte


def _utf8_chunks(chunks: Iterator[bytes], base: int) -> tuple[str, _Scan]:
    """The UTF-8 text of ``chunks`` (bytes from file offset ``base`` on), and what else was seen.

    Decoding stops at the first invalid byte; reading goes on, since a NUL
    byte or a mostly-control file is reported before it (as ``decode`` does).
    """
    text = ""
    sample = b""
    size = controls = 0
    nul = -1
    error: tuple[int, int, int] | None = None
    carry = b""  # the start of a character cut off at the end of a chunk
    at = base  # file offset of carry's first byte
    lines = 0  # line breaks before ``at``
    for chunk in chunks:
        sample = sample or chunk[:4096]
        if nul < 0 and (found := chunk.find(b"\0")) >= 0:
            nul = base + size + found
        size += len(chunk)
        controls += len(chunk) - len(chunk.translate(None, _CONTROL_BYTES))
        if error is not None:
            continue
        data = carry + chunk if carry else chunk
        cut = _whole_characters(data)
        try:
            # "+=" on the only reference grows the string in place (CPython), so no
            # second copy of the text is made while it grows.
            text += data[:cut].decode("utf-8") if cut < len(data) else data.decode("utf-8")
        except UnicodeDecodeError as err:
            error = (at + err.start, lines + data.count(b"\n", 0, err.start) + 1, data[err.start])
            continue
        lines += data.count(b"\n", 0, cut)
        at += cut
        carry = data[cut:]
    if carry and error is None:
        try:
            carry.decode("utf-8")
        except UnicodeDecodeError as err:
            error = (at + err.start, lines + carry.count(b"\n", 0, err.start) + 1, carry[err.start])
    return text, _Scan(sample, size, controls, nul, error)


def _whole_characters(data: bytes) -> int:
    """The length of the longest prefix of ``data`` that does not end inside a UTF-8 character.

    Only a lead byte in the last three whose character needs more bytes than
    are left is cut off; anything invalid stays in, for the decoder to find.
    """
    n = len(data)
    for i in range(n - 1, max(n - 4, -1), -1):
        b = data[i]
        if b & 0xC0 != 0x80:  # not a continuation byte
            need = 2 if 0xC0 <= b < 0xE0 else 3 if 0xE0 <= b < 0xF0 else 4 if 0xF0 <= b < 0xF8 else 1
            return i if n - i < need else n
    return n


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
        _refuse_nul(path, data[:4096], base + nul)
    if data:
        controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
        if controls > _CONTROL_SHARE * len(data):
            raise InputError(path, f"binary data ({100 * controls // len(data)}% control characters)")


def _refuse_nul(path: str, sample: bytes, offset: int) -> NoReturn:
    """Raise for a NUL byte at ``offset``; ``sample`` (the first 4,096 bytes) says if it looks like UTF-16."""
    # Every other byte NUL: most likely UTF-16 saved without its BOM.
    if len(sample) >= 4 and (sample[1::2].count(0) > len(sample) // 3 or sample[0::2].count(0) > len(sample) // 3):
        raise InputError(path, f"binary data (NUL byte at byte {offset:,}; UTF-16 without a byte-order mark?)")
    raise InputError(path, f"binary data (NUL byte at byte {offset:,})")


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
