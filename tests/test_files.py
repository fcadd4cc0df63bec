"""The input layer: discovery of files and decoding of each one, or a clear reason why not."""

from __future__ import annotations

import builtins
import io
import os
from pathlib import Path

import pytest

from numcheck import files
from numcheck.files import DEFAULT_INCLUDE, InputError, InputProblem, decode, decode_stream, discover, read, read_stdin
from numcheck.model import Source

TEXT = "The council spent £4.5m on 17 new buses in March 2021.\n"


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def reason_of(path: Path | str) -> str:
    with pytest.raises(InputError) as info:
        read(str(path))
    err = info.value
    assert err.path == str(path)
    # One line, naming the file, for the CLI to print as is.
    assert "\n" not in err.reason
    assert str(err) == f"{path}: {err.reason}"
    return err.reason


# --- read: what can be read --------------------------------------------------


def test_reads_utf8_exactly_as_written(tmp_path: Path) -> None:
    p = write(tmp_path / "a.txt", "Line one has 3 cats.\r\nLine two has 4 dogs — and 5½ mice.\n")
    src = read(str(p))
    assert src == Source(str(p), "Line one has 3 cats.\r\nLine two has 4 dogs — and 5½ mice.\n")


def test_empty_file_is_fine(tmp_path: Path) -> None:
    p = write(tmp_path / "empty.md", b"")
    assert read(str(p)).text == ""


def test_whitespace_only_file_is_fine(tmp_path: Path) -> None:
    p = write(tmp_path / "blank.txt", " \n\t\r\n  \n")
    assert read(str(p)).text == " \n\t\r\n  \n"


def test_utf8_bom_is_dropped_so_offsets_start_at_the_first_character(tmp_path: Path) -> None:
    p = write(tmp_path / "bom.txt", b"\xef\xbb\xbf" + TEXT.encode())
    text = read(str(p)).text
    assert text == TEXT
    assert text.index("£4.5m") == TEXT.index("£4.5m")


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_bom_decode(tmp_path: Path, codec: str) -> None:
    boms = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}
    data = boms.get(codec, b"") + TEXT.encode(codec)
    p = write(tmp_path / "wide.txt", data)
    assert read(str(p)).text == TEXT


def test_control_characters_in_moderation_are_text(tmp_path: Path) -> None:
    # Form feeds and colour codes turn up in real text files.
    body = "Page 1 of 2\x0c\n\x1b[1mBold 42\x1b[0m and a stray \x07 bell.\n"
    p = write(tmp_path / "ctl.txt", body)
    assert read(str(p)).text == body


def test_fifo_is_read(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this platform")
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    import threading

    def feed() -> None:
        with open(fifo, "wb") as w:
            w.write(TEXT.encode())

    t = threading.Thread(target=feed)
    t.start()
    try:
        assert read(str(fifo)).text == TEXT
    finally:
        t.join(timeout=10)


def test_stdin_is_decoded_like_a_file() -> None:
    src = read_stdin(io.BytesIO(b"\xef\xbb\xbf" + TEXT.encode()))
    assert src == Source("-", TEXT)


def test_read_dash_reads_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = io.TextIOWrapper(io.BytesIO(TEXT.encode()))
    monkeypatch.setattr("sys.stdin", fake)
    assert read("-") == Source("-", TEXT)


def test_bad_stdin_is_an_input_error() -> None:
    with pytest.raises(InputError) as info:
        read_stdin(io.BytesIO(b"caf\xe9 costs 3 euros"))
    assert info.value.path == "-"
    assert "invalid UTF-8 at byte 3" in info.value.reason


# --- read: what cannot, and the reason given ---------------------------------


def test_missing_file(tmp_path: Path) -> None:
    assert reason_of(tmp_path / "nope.txt") == "no such file or directory"


def test_directory_passed_as_file(tmp_path: Path) -> None:
    assert reason_of(tmp_path) == "is a directory"


def test_symlink_loop_passed_as_file(tmp_path: Path) -> None:
    link = tmp_path / "self.txt"
    link.symlink_to(link)
    assert "symlink loop" in reason_of(link)


def test_device_is_not_read_forever() -> None:
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero here")
    assert reason_of("/dev/zero") == "not a regular file"


@pytest.mark.skipif(
    hasattr(os, "geteuid") and os.geteuid() == 0,
    reason="running as root, which can read a chmod 000 file; test_permission_reason_when_open_is_refused "
    "covers the message",
)
def test_permission_denied(tmp_path: Path) -> None:
    p = write(tmp_path / "secret.txt", TEXT)
    p.chmod(0)
    try:
        assert reason_of(p) == "permission denied"
    finally:
        p.chmod(0o644)


def test_permission_reason_when_open_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Root reads anything, so the refusal is simulated at open(): what matters
    # here is that the OS error becomes a one-line reason, not a traceback.
    p = write(tmp_path / "secret.txt", TEXT)
    real_open = builtins.open

    def refusing_open(file, *args, **kwargs):  # type: ignore[no-untyped-def]
        if str(file) == str(p):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", refusing_open)
    assert reason_of(p) == "permission denied"


def test_nul_bytes_are_binary(tmp_path: Path) -> None:
    p = write(tmp_path / "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    reason = reason_of(p)
    assert reason.startswith("binary data")
    assert "NUL byte at byte 8" in reason


def test_utf16_without_bom_gets_a_hint(tmp_path: Path) -> None:
    p = write(tmp_path / "wide.txt", TEXT.encode("utf-16-le"))
    reason = reason_of(p)
    assert reason.startswith("binary data")
    assert "UTF-16 without a byte-order mark" in reason


def test_mostly_control_characters_are_binary(tmp_path: Path) -> None:
    p = write(tmp_path / "ctl.txt", bytes([1, 2, 3, 4, 5, 6, 65, 66]) * 100)
    reason = reason_of(p)
    assert reason.startswith("binary data (")
    assert "control characters" in reason


def test_invalid_utf8_names_the_byte_offset_and_line(tmp_path: Path) -> None:
    data = b"First line, 12 items.\nSecond: " + b"caf\xe9 prices rose 4%.\n"
    p = write(tmp_path / "latin1.txt", data)
    offset = data.index(b"\xe9")
    assert reason_of(p) == f"invalid UTF-8 at byte {offset:,} (line 2): 0xe9"


def test_invalid_utf8_offset_counts_the_bom(tmp_path: Path) -> None:
    data = b"\xef\xbb\xbfab\xff"
    p = write(tmp_path / "b.txt", data)
    assert reason_of(p) == "invalid UTF-8 at byte 5 (line 1): 0xff"


def test_truncated_utf16_is_an_encoding_error(tmp_path: Path) -> None:
    p = write(tmp_path / "cut.txt", b"\xff\xfe" + "12 apples".encode("utf-16-le") + b"\x41")
    assert reason_of(p).startswith("invalid UTF-16 at byte 20")


def test_decode_is_the_same_rules_without_a_file() -> None:
    assert decode(b"\xfe\xff" + "7 days".encode("utf-16-be")) == "7 days"
    with pytest.raises(InputError):
        decode(b"\x00\x01\x02", "x")


# Inputs whose reading in chunks could go wrong: characters of 2, 3 and 4 bytes across
# every chunk boundary, invalid and cut-off bytes, a late NUL, control bytes, byte-order marks.
_WIDE = "Prices rose 4½% to €12 — 💶 “a record”\nin Zürich.\n"
CHUNKED_CASES = {
    "empty": b"",
    "ascii": TEXT.encode(),
    "wide characters": _WIDE.encode(),
    "wide characters, repeated": (_WIDE * 7).encode(),
    "utf-8 bom": b"\xef\xbb\xbf" + _WIDE.encode(),
    "only a utf-8 bom": b"\xef\xbb\xbf",
    "utf-16 bom": b"\xff\xfe" + _WIDE.encode("utf-16-le"),
    "utf-32 bom": b"\xff\xfe\x00\x00" + _WIDE.encode("utf-32-le"),
    "latin-1 byte": _WIDE.encode() + b"caf\xe9\n",
    "latin-1 byte after a bom": b"\xef\xbb\xbf" + _WIDE.encode() + b"caf\xe9 costs",
    "character cut off at the end": _WIDE.encode() + "€".encode()[:2],
    "lead byte then ascii": _WIDE.encode() + b"\xe2\x82x and more",
    "stray continuation byte": _WIDE.encode() + b"\x80" + _WIDE.encode(),
    "invalid byte, then a NUL": b"caf\xe9\n" + _WIDE.encode() * 3 + b"\x00",
    "utf-16 without a bom": _WIDE.encode("utf-16-le"),
    "mostly control bytes": b"\x01\x02\x03 12 \x04\x05\x06\x07",
    "control bytes after an invalid byte": b"\xff" + b"\x01" * 40,
}


def _outcome(read_it: object) -> str:
    try:
        return repr(read_it())  # type: ignore[operator]
    except InputError as err:
        return f"error: {err.reason}"


@pytest.mark.parametrize("name", sorted(CHUNKED_CASES))
@pytest.mark.parametrize("chunk", [1, 2, 3, 5, 4096])
def test_reading_in_chunks_gives_what_decoding_whole_gives(
    name: str, chunk: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = CHUNKED_CASES[name]
    monkeypatch.setattr(files, "READ_CHUNK", chunk)
    assert _outcome(lambda: decode_stream(io.BytesIO(data), "x")) == _outcome(lambda: decode(data, "x"))


# --- discover ----------------------------------------------------------------


@pytest.fixture()
def tree(tmp_path: Path) -> Path:
    for rel in [
        "b.md",
        "a.txt",
        "notes.rst",
        "page.html",
        "page2.htm",
        "long.markdown",
        "image.png",
        "script.py",
        "sub/z.txt",
        "sub/deeper/y.md",
        "sub/skip.bak",
        "Zed.txt",
        ".hidden.txt",
        ".git/config.txt",
        "node_modules/pkg/readme.md",
        "drafts/old.txt",
    ]:
        write(tmp_path / rel, TEXT)
    return tmp_path


def rels(items: list[str | InputProblem], root: Path) -> list[str]:
    return [os.path.relpath(i, root) if isinstance(i, str) else f"!{os.path.relpath(i.path, root)}" for i in items]


def test_directory_walk_default_includes_in_stable_order(tree: Path) -> None:
    got = rels(discover([str(tree)], (), ()), tree)
    assert got == [
        "Zed.txt",  # code-point order: capitals first
        "a.txt",
        "b.md",
        "drafts/old.txt",
        "long.markdown",
        "notes.rst",
        "page.html",
        "page2.htm",
        "sub/deeper/y.md",
        "sub/z.txt",
    ]
    assert set(DEFAULT_INCLUDE) == {"*.txt", "*.md", "*.markdown", "*.rst", "*.html", "*.htm"}


def test_walk_is_deterministic(tree: Path) -> None:
    assert discover([str(tree)], (), ()) == discover([str(tree)], (), ())


def test_include_replaces_the_defaults(tree: Path) -> None:
    assert rels(discover([str(tree)], ["*.bak", "*.png"], ()), tree) == ["image.png", "sub/skip.bak"]


def test_exclude_by_name_prunes_directories_and_files(tree: Path) -> None:
    got = rels(discover([str(tree)], (), ["drafts", "*.html", "deeper"]), tree)
    assert "drafts/old.txt" not in got and "page.html" not in got and "sub/deeper/y.md" not in got
    assert "sub/z.txt" in got and "page2.htm" in got


def test_exclude_by_relative_path(tree: Path) -> None:
    got = rels(discover([str(tree)], (), ["sub/*.txt", "**/y.md"]), tree)
    assert "sub/z.txt" not in got and "sub/deeper/y.md" not in got and "a.txt" in got


def test_named_file_is_taken_whatever_its_suffix_unless_force_excluded(tree: Path) -> None:
    py = str(tree / "script.py")
    assert discover([py], (), ()) == [py]
    assert discover([py], (), ["*.py"]) == [py]  # named: checked, as ruff does
    assert discover([py], (), ["*.py"], force_exclude=True) == []


def test_arguments_keep_their_order_and_files_appear_once(tree: Path) -> None:
    a, b = str(tree / "b.md"), str(tree / "a.txt")
    got = discover([a, b, a, str(tree / "sub")], (), ())
    assert got == [a, b, str(tree / "sub" / "deeper" / "y.md"), str(tree / "sub" / "z.txt")]


def test_dash_passes_through(tree: Path) -> None:
    a = str(tree / "a.txt")
    assert discover(["-", a], (), ()) == ["-", a]


def test_missing_path_is_a_problem_in_place(tree: Path) -> None:
    a = str(tree / "a.txt")
    missing = str(tree / "missing.md")
    got = discover([missing, a], (), ())
    assert got == [InputProblem(missing, "no such file or directory"), a]
    assert str(got[0]) == f"{missing}: no such file or directory"


def test_quoted_glob_is_expanded(tree: Path) -> None:
    got = rels(discover([str(tree / "*.md"), str(tree / "sub" / "**" / "*.md")], (), ()), tree)
    assert got == ["b.md", "sub/deeper/y.md"]


def test_glob_matching_nothing_is_a_problem(tree: Path) -> None:
    pattern = str(tree / "*.docx")
    assert discover([pattern], (), ()) == [InputProblem(pattern, "no files match this pattern")]


def test_symlink_loop_is_reported_not_followed(tmp_path: Path) -> None:
    write(tmp_path / "root" / "a" / "one.txt", TEXT)
    (tmp_path / "root" / "a" / "back").symlink_to(tmp_path / "root", target_is_directory=True)
    got = discover([str(tmp_path / "root")], (), ())
    assert got[0] == str(tmp_path / "root" / "a" / "one.txt") or got[1] == str(tmp_path / "root" / "a" / "one.txt")
    problems = [g for g in got if isinstance(g, InputProblem)]
    assert len(problems) == 1
    assert problems[0].path == str(tmp_path / "root" / "a" / "back")
    assert "symlink loop" in problems[0].reason
    assert len(got) == 2


def test_symlinks_to_one_directory_walk_it_once(tmp_path: Path) -> None:
    write(tmp_path / "real" / "x.txt", TEXT)
    for i in range(3):
        (tmp_path / f"link{i}").symlink_to(tmp_path / "real", target_is_directory=True)
    got = discover([str(tmp_path)], (), ())
    assert got == [str(tmp_path / "link0" / "x.txt")]


def test_dangling_symlink_under_a_directory_is_reported(tmp_path: Path) -> None:
    (tmp_path / "gone.md").symlink_to(tmp_path / "nowhere.md")
    (tmp_path / "gone.png").symlink_to(tmp_path / "nowhere.png")  # not a text suffix: ignored
    assert discover([str(tmp_path)], (), ()) == [InputProblem(str(tmp_path / "gone.md"), "no such file or directory")]


def test_very_deep_tree_does_not_recurse(tmp_path: Path) -> None:
    # Deeper than Python's default recursion limit would allow a recursive walk.
    deep = str(tmp_path)
    try:
        for _ in range(1200):
            deep = os.path.join(deep, "d")
            os.mkdir(deep)  # one level at a time: pathlib's mkdir(parents=True) itself recurses
    except OSError:
        pytest.skip("file system refuses paths this long")
    deep = Path(deep)
    (deep / "f.txt").write_text(TEXT)
    assert discover([str(tmp_path)], (), ()) == [str(deep / "f.txt")]


def test_unreadable_directory_is_a_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "locked" / "x.txt", TEXT)
    real_scandir = os.scandir

    def refusing(path):  # type: ignore[no-untyped-def]
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", refusing)
    assert discover([str(tmp_path)], (), ()) == [InputProblem(str(tmp_path / "locked"), "permission denied")]


def test_every_discovered_file_reads_or_says_why(tree: Path) -> None:
    write(tree / "bad.txt", b"\xff\xfe\x00")
    for item in discover([str(tree)], (), ()):
        assert isinstance(item, str)
        try:
            assert isinstance(read(item).text, str)
        except InputError as err:
            assert err.path == item and err.reason
