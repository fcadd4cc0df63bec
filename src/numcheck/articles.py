"""Articles from an archive: files, JSON Lines and Parquet, cut into partitions read one at a time.

    plan(sources) ─► Partition, Partition, …   descriptors only: paths, byte ranges, row groups
    read(partition) ─► Article, Article, …      the texts, read lazily where the partition runs

Planning never reads a text: files are grouped by their size on disk, a JSON
Lines file is cut into byte ranges (a line belongs to the range its first
byte is in, as Hadoop and Dask cut text), a Parquet file into runs of row
groups from its footer. So the machine that plans holds descriptors, never
the archive, and each worker reads only its own partition.

An article that cannot be read (invalid JSON, no text field, a file with bad
bytes) is an ``Article`` with ``error`` set, at its place: the run records it
and goes on. pyarrow is imported only for Parquet sources.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from numcheck.files import DEFAULT_INCLUDE, InputProblem, discover

JSONL_SUFFIXES: tuple[str, ...] = (".jsonl", ".ndjson")
PARQUET_SUFFIXES: tuple[str, ...] = (".parquet", ".pq")
# Under a directory the archive command also takes its own kinds of file.
ARCHIVE_INCLUDE: tuple[str, ...] = (
    *DEFAULT_INCLUDE,
    *(f"*{s}" for s in JSONL_SUFFIXES),
    *(f"*{s}" for s in PARQUET_SUFFIXES),
)
# About 5 s of checking on one core at ~0.2 MB/s: long enough that Dask's
# per-task cost (about a millisecond) is noise, short enough that a worker
# that dies loses little and two workers finish close together.
PARTITION_BYTES = 1024 * 1024
# Parquet rows read per batch inside a partition: bounds a worker's memory
# by this many texts, whatever the row groups' size.
PARQUET_BATCH_ROWS = 256


class ArchiveError(Exception):
    """A source the run cannot use at all (missing, not Parquet, pyarrow absent); raised before checking."""


@dataclass(frozen=True, slots=True)
class Fields:
    """Which fields of a JSON object or Parquet row hold an article's id and text."""

    id: str = "id"
    text: str = "text"


@dataclass(frozen=True, slots=True)
class Partition:
    """A piece of the archive one task checks: what to read, never the text itself.

    ``kind`` "files": ``paths`` are text files. "jsonl": bytes ``[start, end)``
    of ``path``. "parquet": row groups ``[start, end)`` of ``path``, whose
    first row is row ``first_row`` of the file.
    """

    kind: str
    path: str = ""
    paths: tuple[str, ...] = ()
    start: int = 0
    end: int = 0
    first_row: int = 0

    def describe(self) -> str:
        """One line naming what the partition holds (for plans, digests and messages)."""
        if self.kind == "files":
            return "files:" + "\0".join(self.paths)
        return f"{self.kind}:{self.path}:{self.start}-{self.end}"


@dataclass(frozen=True, slots=True)
class Article:
    """One article: its id, where it came from (``file:byte N``, ``file:row N``, the path) and its text.

    ``text`` is None when ``error`` says why the article could not be read;
    for a file, ``text`` is None until the checker reads it (``path`` set).
    """

    id: str
    source: str
    text: str | None = None
    error: str | None = None
    path: str | None = None


_UNITS = {"": 1, "K": 1024, "M": 1024**2, "G": 1024**3}


def parse_size(text: str) -> int:
    """A size in bytes from "65536", "64K", "1M", "1MB" or "2G"; raises ValueError."""
    t = text.strip().upper().removesuffix("B").removesuffix("I")
    unit = t[-1:] if t[-1:] in _UNITS else ""
    try:
        value = float(t[: len(t) - len(unit)]) * _UNITS[unit]
    except ValueError:
        value = 0
    if not value >= 1:
        raise ValueError(f"not a size: {text!r} (say 64K, 1M or 1048576)")
    return int(value)


def kind_of(path: str) -> str:
    """ "jsonl", "parquet" or "files", from the file name."""
    lower = path.lower()
    if lower.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if lower.endswith(PARQUET_SUFFIXES):
        return "parquet"
    return "files"


# --- planning --------------------------------------------------------------------


def plan(
    sources: Sequence[str],
    *,
    partition_bytes: int = PARTITION_BYTES,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
) -> list[Partition]:
    """The partitions of ``sources`` (files, directories, globs), in a stable order.

    Raises ArchiveError for a source that yields nothing (it does not exist,
    a glob matches nothing) or a Parquet file whose footer cannot be read:
    better said before a long run starts than found in its output.
    """
    items = discover(list(sources), tuple(include) or ARCHIVE_INCLUDE, exclude)
    problems = [i for i in items if isinstance(i, InputProblem)]
    if problems:
        raise ArchiveError("; ".join(str(p) for p in problems))
    if "-" in items:
        raise ArchiveError("-: an archive is read from files, not standard input")
    out: list[Partition] = []
    texts: list[str] = []
    size = 0

    def flush() -> None:
        nonlocal size
        if texts:
            out.append(Partition("files", paths=tuple(texts)))
            texts.clear()
        size = 0

    for path in items:
        assert isinstance(path, str)
        kind = kind_of(path)
        if kind == "files":
            texts.append(path)
            size += _size(path)
            if size >= partition_bytes:
                flush()
            continue
        flush()  # keep the archive's order: a text file's partition never spans a JSON Lines file
        out.extend(_jsonl_parts(path, partition_bytes) if kind == "jsonl" else _parquet_parts(path, partition_bytes))
    flush()
    return out


def digest(partitions: Sequence[Partition]) -> str:
    """A fingerprint of a plan: the same sources and sizes give the same digest (for --resume)."""
    h = hashlib.sha256()
    for p in partitions:
        h.update(p.describe().encode("utf-8", "surrogateescape"))
        h.update(b"\n")
    return h.hexdigest()[:16]


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0  # read() will say why


def _jsonl_parts(path: str, partition_bytes: int) -> list[Partition]:
    size = _size(path)
    return [
        Partition("jsonl", path=path, start=s, end=min(s + partition_bytes, size))
        for s in range(0, max(size, 1), partition_bytes)
    ]


def _parquet_parts(path: str, partition_bytes: int) -> list[Partition]:
    pq = _pyarrow_parquet()
    try:
        meta = pq.ParquetFile(path).metadata
    except Exception as err:  # noqa: BLE001 - pyarrow raises several kinds for a bad footer
        raise ArchiveError(f"{path}: not a readable Parquet file: {err}") from None
    out: list[Partition] = []
    start, row, first, size = 0, 0, 0, 0
    for g in range(meta.num_row_groups):
        group = meta.row_group(g)
        size += group.total_byte_size
        row += group.num_rows
        if size >= partition_bytes:
            out.append(Partition("parquet", path=path, start=start, end=g + 1, first_row=first))
            start, first, size = g + 1, row, 0
    if start < meta.num_row_groups or not out:
        out.append(Partition("parquet", path=path, start=start, end=meta.num_row_groups, first_row=first))
    return out


def _pyarrow_parquet() -> Any:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise ArchiveError("reading Parquet needs pyarrow: pip install 'numcheck[archive]'") from None
    return pq


# --- reading ---------------------------------------------------------------------


def read(partition: Partition, fields: Fields = Fields()) -> Iterator[Article]:
    """The articles of one partition, one at a time, in order."""
    if partition.kind == "files":
        for path in partition.paths:
            yield Article(id=path, source=path, path=path)
    elif partition.kind == "jsonl":
        yield from _read_jsonl(partition, fields)
    elif partition.kind == "parquet":
        yield from _read_parquet(partition, fields)
    else:
        raise ValueError(f"unknown partition kind {partition.kind!r}")


def _read_jsonl(part: Partition, fields: Fields) -> Iterator[Article]:
    try:
        handle = open(part.path, "rb")  # noqa: SIM115 - closed below, around a generator
    except OSError as err:
        yield Article(id=part.path, source=part.path, error=f"cannot open: {err.strerror or err}")
        return
    with handle:
        if part.start > 0:
            # The line that straddles ``start`` belongs to the partition before.
            handle.seek(part.start - 1)
            handle.readline()
        while True:
            offset = handle.tell()
            if offset >= part.end:
                return
            line = handle.readline()
            if not line:
                return
            if line.strip():
                yield _from_json(line, f"{part.path}:byte {offset}", fields)


def _from_json(line: bytes, source: str, fields: Fields) -> Article:
    try:
        obj = json.loads(line)
    except UnicodeDecodeError as err:
        return Article(id=source, source=source, error=f"invalid UTF-8 at byte {err.start} of the line")
    except ValueError as err:
        return Article(id=source, source=source, error=f"invalid JSON: {err}")
    if not isinstance(obj, dict):
        return Article(id=source, source=source, error=f"not a JSON object but {type(obj).__name__}")
    return _article(obj.get(fields.id), obj.get(fields.text, _MISSING), source, fields)


_MISSING = object()


def _article(ident: object, text: object, source: str, fields: Fields) -> Article:
    """An article from a record's id and text values, or the reason it has none."""
    name = source if ident is None else str(ident)
    if text is _MISSING:
        return Article(id=name, source=source, error=f"no {fields.text!r} field")
    if text is None:
        return Article(id=name, source=source, error=f"{fields.text!r} is null")
    if not isinstance(text, str):
        return Article(id=name, source=source, error=f"{fields.text!r} is {type(text).__name__}, not text")
    return Article(id=name, source=source, text=text)


def _read_parquet(part: Partition, fields: Fields) -> Iterator[Article]:
    pq = _pyarrow_parquet()
    row = part.first_row
    try:
        pf = pq.ParquetFile(part.path)
        names = set(pf.schema_arrow.names)
        if fields.text not in names:
            yield Article(id=part.path, source=part.path, error=f"no {fields.text!r} column")
            return
        columns = [fields.text] + ([fields.id] if fields.id in names else [])
        batches = pf.iter_batches(
            batch_size=PARQUET_BATCH_ROWS, row_groups=range(part.start, part.end), columns=columns
        )
        for batch in batches:
            texts = batch.column(fields.text).to_pylist()
            ids = batch.column(fields.id).to_pylist() if fields.id in names else [None] * len(texts)
            for ident, text in zip(ids, texts):
                yield _article(ident, text, f"{part.path}:row {row}", fields)
                row += 1
    except OSError as err:  # pyarrow's ArrowIOError and ArrowInvalid are OSError and ValueError
        yield Article(id=part.path, source=f"{part.path}:row {row}", error=f"cannot read Parquet: {err}")
    except ValueError as err:
        yield Article(id=part.path, source=f"{part.path}:row {row}", error=f"cannot read Parquet: {err}")
