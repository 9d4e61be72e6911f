"""Write files without ever losing data: fixed articles and output files.

Every write goes to a temp file in the target's folder, is fsynced, then
renamed over the target, so a crash or Ctrl-C leaves the old file whole.
A rename makes a new inode, so for a fixed article the new inode is given
the old one's identity first: owner, group, mode bits and extended
attributes (ACLs are extended attributes too). What a rename cannot keep
is refused with a one-line note instead:

- a symlink is resolved and its target fixed (the link stays a link);
- a file with several hard links is not fixed (a rename would split them);
- a read-only file (no write bit for its owner) is not fixed: the user
  made it so, and root's permission to write is no consent;
- a file whose bytes changed since they were read (an editor saved
  meanwhile) is not fixed: its new content wins.

Temp files are named `.<name>.newslint-tmp-<8 hex>`; a run killed with
SIGKILL leaves one behind, and a later run removes those it finds next to
the files it fixes once they are old (see `remove_stale_temps`).
"""
from __future__ import annotations

import errno
import io
import os
import re
import stat
import time

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX: no locks, the age alone decides
    fcntl = None

TEMP_MARK = ".newslint-tmp-"
# ours: `.<name>.newslint-tmp-<8 hex>`, and `.newslint-<8>.tmp` that earlier
# versions made with tempfile.mkstemp (its alphabet)
_OUR_TEMP = re.compile(r"\..+\.newslint-tmp-[0-9a-f]{8}|\.newslint-[a-z0-9_]{8}\.tmp")
# bytes of the target's name kept in a temp file's name (NAME_MAX is 255)
_TEMP_NAME_BYTES = 200
# a temp file younger than this may belong to a run still going
STALE_AFTER = 60.0


class NotFixed(Exception):
    """The fixed text was not written, for a reason the note names."""


# ------------------------------------------------------------ fixed articles

def replace_contents(path: str, data: bytes, expected: bytes) -> None:
    """Make the file at `path` hold `data` instead of `expected` (the bytes
    the fix was computed from), keeping its identity. Raises NotFixed with
    a note when that cannot be done without loss, OSError when the write
    itself fails; in both cases the file is untouched."""
    real = os.path.realpath(path)
    before = os.stat(real)
    _refuse_unsafe_target(before)
    if _read(real) != expected:
        raise NotFixed("not fixed: changed since it was read (run --fix again)")
    tmp = _write_temp(real, data, mode=0o600)
    try:
        copy_identity(real, before, tmp, strict=True)
        # the last look before the rename: a write since the read above
        # changes size, mtime or ctime
        if _signature(os.stat(real)) != _signature(before):
            raise NotFixed("not fixed: changed since it was read (run --fix again)")
        os.replace(tmp, real)
    except BaseException:
        _unlink_quietly(tmp)
        raise
    _fsync_folder(real)


def _refuse_unsafe_target(st: os.stat_result) -> None:
    if not stat.S_ISREG(st.st_mode):
        raise NotFixed("not fixed: not a regular file")
    if st.st_nlink > 1:
        raise NotFixed(f"not fixed: has {st.st_nlink} hard links (rewriting it would split them; "
                       "fix a copy or remove the other links)")
    if not st.st_mode & stat.S_IWUSR:
        raise NotFixed(f"not fixed: read-only (mode {stat.S_IMODE(st.st_mode):04o}); "
                       "make it writable to fix it")


def _signature(st: os.stat_result) -> tuple:
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def _read(path: str) -> bytes:
    with open(path, "rb") as fh:
        return fh.read()


def copy_identity(real: str, st: os.stat_result, tmp: str, strict: bool) -> None:
    """Give `tmp` the owner, group, extended attributes and mode bits of
    `real` (whose stat is `st`). With `strict`, what cannot be kept raises
    NotFixed; without, it stays as the new file has it."""
    # owner first: chown clears the set-id bits that chmod then restores
    for keep, what in ((_copy_owner, "owner"), (_copy_xattrs, "extended attributes")):
        try:
            keep(real, st, tmp)
        except OSError as exc:
            if strict:
                raise NotFixed(f"not fixed: cannot keep its {what}: {exc.strerror or exc}") from exc
    os.chmod(tmp, stat.S_IMODE(st.st_mode))


def _copy_owner(real: str, st: os.stat_result, tmp: str) -> None:
    new = os.stat(tmp)
    if (new.st_uid, new.st_gid) != (st.st_uid, st.st_gid):
        os.chown(tmp, st.st_uid, st.st_gid)


def _copy_xattrs(src: str, st: os.stat_result, dst: str) -> None:
    if not hasattr(os, "listxattr"):  # pragma: no cover - not Linux
        return
    try:
        names = os.listxattr(src)
    except OSError as exc:
        if exc.errno in (errno.ENOTSUP, errno.EOPNOTSUPP):
            return
        raise
    for name in names:
        value = os.getxattr(src, name)
        try:
            if os.getxattr(dst, name) == value:
                continue  # the folder gave it already (an SELinux label, a default ACL)
        except OSError:
            pass
        os.setxattr(dst, name, value)


# ------------------------------------------------------------ output files

class AtomicOutput:
    """A UTF-8 text stream that replaces `path` only on `commit()`; until
    then (and after `discard()`) the old file, if any, is untouched. An
    existing file keeps its mode, owner and extended attributes where the
    user may keep them; a new one gets the mode `open()` would give. A
    device or FIFO (`-o /dev/null`) is written directly: it cannot be
    replaced, and must not be."""

    def __init__(self, path: str):
        self.path = path
        self.real = os.path.realpath(path)
        self.tmp = None
        if _is_special(self.real):
            self.stream = io.open(self.real, "w", encoding="utf-8", errors="backslashreplace", newline="\n")
            return
        remove_stale_temps(os.path.dirname(self.real))
        self.tmp, fd = _create_temp(self.real, mode=0o666)  # the umask applies, as for open()
        self.stream = io.open(fd, "w", encoding="utf-8", errors="backslashreplace", newline="\n")

    def commit(self) -> None:
        if self.tmp is None:
            self.stream.close()
            return
        try:
            self.stream.flush()
            os.fsync(self.stream.fileno())
            self.stream.close()
            try:
                existing = os.stat(self.real)
            except FileNotFoundError:
                existing = None
            if existing is not None:
                copy_identity(self.real, existing, self.tmp, strict=False)
            os.replace(self.tmp, self.real)
        except BaseException:
            self.discard()
            raise
        _fsync_folder(self.real)

    def discard(self) -> None:
        try:
            self.stream.close()
        except OSError:
            pass  # the disk is still full: the temp file goes all the same
        finally:
            if self.tmp is not None:
                _unlink_quietly(self.tmp)


def _is_special(path: str) -> bool:
    try:
        return not stat.S_ISREG(os.stat(path).st_mode)
    except FileNotFoundError:
        return False


# ------------------------------------------------------------ temp files

def _create_temp(real: str, mode: int) -> tuple[str, int]:
    """A new, empty temp file next to `real`, named so that a later run
    recognises it: its name and a descriptor open for writing."""
    folder, name = os.path.split(real)
    # a name near the 255-byte limit must leave room for the mark and suffix
    name = os.fsdecode(os.fsencode(name)[:_TEMP_NAME_BYTES])
    for _ in range(100):
        tmp = os.path.join(folder, f".{name}{TEMP_MARK}{os.urandom(4).hex()}")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
        except FileExistsError:
            continue
        if fcntl is not None:
            # held while the descriptor is open, released by the kernel when
            # the process dies: a live temp file is never taken for stale
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return tmp, fd
    raise FileExistsError(errno.EEXIST, "no free temp file name", folder)  # pragma: no cover


def _write_temp(real: str, data: bytes, mode: int) -> str:
    tmp, fd = _create_temp(real, mode)
    try:
        with open(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        _unlink_quietly(tmp)
        raise
    return tmp


def _unlink_quietly(path: str) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass


def _fsync_folder(path: str) -> None:
    """Make the rename itself durable (best effort: not every system can)."""
    try:
        fd = os.open(os.path.dirname(path) or ".", os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def is_stale_temp(name: str, age: float) -> bool:
    """Is `name` a temp file of ours, `age` seconds old, that no live run
    can still be writing?"""
    return age > STALE_AFTER and _OUR_TEMP.fullmatch(name) is not None


def remove_stale_temps(folder: str, now: float | None = None) -> list[str]:
    """Remove the temp files a killed run left in `folder`: only regular
    files whose name is ours, older than STALE_AFTER and not locked by a
    live run (a report's temp file lives as long as its run). Returns the
    names removed."""
    now = time.time() if now is None else now
    removed = []
    try:
        entries = list(os.scandir(folder or "."))
    except OSError:
        return removed
    for entry in entries:
        if TEMP_MARK not in entry.name and not entry.name.startswith(".newslint-"):
            continue
        try:
            st = entry.stat(follow_symlinks=False)
            if stat.S_ISREG(st.st_mode) and is_stale_temp(entry.name, now - st.st_mtime) \
                    and _unlink_unless_locked(entry.path):
                removed.append(entry.name)
        except OSError:
            continue  # gone already, or not ours to remove
    return removed


def _unlink_unless_locked(path: str) -> bool:
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    try:
        if fcntl is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return False  # a live run is still writing it
        os.unlink(path)
        return True
    finally:
        os.close(fd)
