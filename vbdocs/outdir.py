"""An output folder replaced whole, safely: never a person's file lost, never half a set.

A build assembles the new folder beside the output (the *staging* folder), starting
from hard links to everything the output holds, then swaps the two in one atomic
step (Linux ``renameat2(RENAME_EXCHANGE)``; elsewhere two renames, repaired by the
next build if it is killed between them). What the swap leaves beside the output
(the previous folder) is then *reconciled*: a file still in the new folder under the
same name is the same file (a hard link) and goes; a file of vbdocs's previous set
goes; anything else, such as a file a person saved into the folder while the build
ran, is moved into the new folder. Nothing else is ever deleted.

Builds into the folders of one parent take turns: the write phase holds an
exclusive lock (``flock``) on the parent folder, so a second build waits, says so,
and sees the first one's result. Only the lock holder creates staging folders, so
the holder can prove that any staging folder it finds belongs to a build that is
dead, and cleans it up. A staging folder is marked by a file beside it (never in it,
so nothing of vbdocs's bookkeeping ever stands in the output) that records the
folder's inode: where the output now has that inode, the swap was made and what is
left under the staging name is the previous folder, to reconcile; elsewhere the set
was never swapped in, and the staging folder (links and new files only) is deleted
whole. An unmarked one is a previous folder set aside by two renames: it is put back
where the output is missing, reconciled otherwise.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import logging
import os
import shutil
import stat
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from .errors import OutputError
from .i18n import _

log = logging.getLogger("vbdocs")

#: The ending of the file beside a staging folder that marks it (and records its inode).
STAGING_MARK = ".staging"
#: How long a build waits for another build writing beside it, in seconds.
LOCK_TIMEOUT = 600.0


def debris_prefix(output: Path) -> str:
    """The name every staging folder of ``output`` starts with, in its parent."""
    return f".{output.name}.vbdocs-"


def resolve_output(output: Path, *, inputs: Sequence[Path] = ()) -> Path:
    """The real folder a build writes, or OutputError for a folder no build may replace.

    A link to a folder is followed (the folder it points to is written). Refused: the
    filesystem's root, the home folder, a mount point, the current folder or any
    folder above it, a folder that holds one of ``inputs`` (the campaign, its units
    file, template folders), and anything that is not a folder.
    """
    shown = str(output)
    try:
        real = Path(os.path.realpath(output))
        if real.parent == real:
            raise OutputError(_("refusing to write into {shown}: it is the root of the filesystem").format(shown=shown))
        if real == _home():
            raise OutputError(_("refusing to write into {shown}: it is the home folder; name a folder for the set")
                .format(shown=shown))
        if os.path.lexists(real) and not real.is_dir():
            raise OutputError(_("cannot write into {shown}: it is not a folder").format(shown=shown))
        if real.is_dir() and os.path.ismount(real):
            raise OutputError(_("refusing to replace {shown}: it is a mount point; write into a folder inside it")
                .format(shown=shown))
        if _is_within(Path.cwd().resolve(), real):
            raise OutputError(_("refusing to replace {shown}: it holds the current folder; name a folder of its own")
                .format(shown=shown))
        for item in inputs:
            if _is_within(Path(os.path.realpath(item)), real):
                raise OutputError(_("refusing to replace {shown}: it holds {item}, an input of the build")
                    .format(shown=shown, item=item))
    except OSError as exc:
        raise OutputError(_("cannot write into {shown}: {exc}").format(shown=shown, exc=exc.strerror or exc)) from None
    return real


def _home() -> Path | None:
    try:
        return Path(os.path.realpath(Path.home()))
    except (RuntimeError, KeyError):  # no HOME and no entry in the password database
        return None


def _is_within(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


@contextlib.contextmanager
def locked(output: Path, *, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold the write lock of ``output``'s parent folder; wait up to ``timeout`` seconds
    for a build writing there (a warning on the ``vbdocs`` logger says so)."""
    parent = output.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(parent, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    except OSError as exc:
        raise OutputError(_("cannot write into {output}: {exc}")
            .format(output=output, exc=exc.strerror or exc)) from None
    try:
        end = time.monotonic() + timeout
        warned = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if not warned:
                    log.warning("another vbdocs build is writing into %s; waiting for it to finish", parent)
                    warned = True
                if time.monotonic() > end:
                    raise OutputError(
                        f"another vbdocs build has been writing into {parent} for {timeout:g} s; try again later"
                    ) from None
                time.sleep(0.05)
        yield
    finally:
        os.close(fd)  # releases the lock


def recover(output: Path, previous_set: Callable[[Path], set[str]]) -> None:
    """Clean up after builds of ``output`` that died (call with the lock held).

    Args:
        previous_set: the names of the files of vbdocs's own set in a folder (from its
            manifest); those, and only those, may be deleted from a previous folder.
    """
    prefix = debris_prefix(output)
    with os.scandir(output.parent) as entries:
        found = [(Path(e.path), e.is_dir(follow_symlinks=False)) for e in entries if e.name.startswith(prefix)]
    folders = sorted(path for path, is_dir in found if is_dir)
    marked = {folder: _marked_inode(folder) for folder in folders}
    for folder in [f for f in folders if marked[f] is None and f.name != prefix + "new"]:
        if not os.path.lexists(output):
            os.rename(folder, output)  # killed between two renames: the previous folder goes back
        else:
            reconcile(folder, output, previous_set(folder))
    for folder in [f for f in folders if marked[f] is not None or f.name == prefix + "new"]:
        if output.exists() and output.stat().st_ino == marked[folder]:
            reconcile(folder, output, previous_set(folder))  # swapped in: this is the previous folder
        else:
            shutil.rmtree(folder)  # never swapped in: links and new files only, originals in the output
    for path, is_dir in found:
        if not is_dir and path.name.endswith(STAGING_MARK):
            path.unlink(missing_ok=True)


def _mark(staging: Path) -> Path:
    return staging.with_name(staging.name + STAGING_MARK)


def _marked_inode(folder: Path) -> int | None:
    try:
        return int(_mark(folder).read_text(encoding="ascii"))
    except (OSError, ValueError):
        return None


def stage(output: Path) -> Path:
    """A new staging folder beside ``output``, marked, with the output's owner, group and mode."""
    staging = Path(tempfile.mkdtemp(prefix=debris_prefix(output), dir=output.parent))
    _mark(staging).write_text(str(staging.stat().st_ino), encoding="ascii")
    if output.is_dir():
        _same_owner_and_mode(output, staging)
    else:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(staging, 0o777 & ~umask)
    return staging


def discard(staging: Path) -> None:
    """Remove a staging folder that will not be swapped in, and its mark."""
    shutil.rmtree(staging, ignore_errors=True)
    _mark(staging).unlink(missing_ok=True)


def _same_owner_and_mode(source: Path, target: Path) -> None:
    info = source.stat()
    with contextlib.suppress(PermissionError):  # only root, or a member of the group, may
        os.chown(target, info.st_uid, info.st_gid)
    os.chmod(target, stat.S_IMODE(info.st_mode))  # after chown, which clears set-group-id


def carry_over(output: Path, staging: Path, *, leave: Callable[[str], bool]) -> None:
    """Hard-link every entry of ``output`` into ``staging``, folders recreated with their
    owner and mode, except the top-level names ``leave`` says the build replaces or removes."""
    for name in sorted(os.listdir(output)):
        if leave(name):
            continue
        _carry(output / name, staging / name)


def _carry(source: Path, target: Path) -> None:
    info = source.lstat()
    if stat.S_ISDIR(info.st_mode):
        target.mkdir()
        for name in sorted(os.listdir(source)):
            _carry(source / name, target / name)
        _same_owner_and_mode(source, target)
        return
    try:
        os.link(source, target, follow_symlinks=False)
    except OSError as exc:
        if not stat.S_ISREG(info.st_mode):
            raise OutputError(_("cannot keep {source} in the new set ({exc}); move it out of the folder")
                .format(source=source, exc=exc.strerror)) \
                from None
        shutil.copy2(source, target)


def swap(staging: Path, output: Path) -> Path:
    """Put ``staging`` in ``output``'s place; return where the previous folder now is.

    Its mark is removed after the swap: a build killed in between leaves a mark whose
    inode is the output's, which :func:`recover` reads as "swapped".
    """
    mark = _mark(staging)
    if not os.path.lexists(output):
        os.rename(staging, output)
    else:
        try:
            _exchange(staging, output)
        except OSError as exc:
            if exc.errno not in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
                raise
            aside = Path(tempfile.mkdtemp(prefix=debris_prefix(output), dir=output.parent))
            os.rmdir(aside)
            os.rename(output, aside)
            os.rename(staging, output)
            staging = aside
    with contextlib.suppress(OSError):  # past the swap nothing may fail: a mark left is removed by recover()
        mark.unlink()
    return staging  # the previous folder, or nothing where there was none


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> None:
    """Swap two paths in one step (Linux renameat2 with RENAME_EXCHANGE)."""
    libc = ctypes.CDLL(None, use_errno=True)
    function = getattr(libc, "renameat2", None)
    if function is None:
        raise OSError(errno.ENOSYS, "renameat2 is not available")
    if function(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) != 0:
        code = ctypes.get_errno()
        raise OSError(code, os.strerror(code), str(b))


def reconcile(previous: Path, output: Path, own: set[str]) -> None:
    """Empty and remove the previous folder of ``output`` after a swap.

    Deleted: what is also in ``output`` (the same file, linked), and the top-level files
    named in ``own`` (vbdocs's previous set). Everything else is a person's file that
    arrived during the build: it is moved into ``output`` (beside a file of the same
    name, under a name ending ``.vbdocs-kept``).
    """
    if not previous.exists():
        return
    _reconcile(previous, output, own, top=True)


def _reconcile(previous: Path, output: Path, own: set[str], *, top: bool) -> None:
    for name in sorted(os.listdir(previous)):
        source, target = previous / name, output / name
        info = source.lstat()
        if stat.S_ISDIR(info.st_mode):
            if not os.path.lexists(target):
                os.rename(source, target)
                continue
            if target.is_dir() and not target.is_symlink():
                _reconcile(source, target, own, top=False)
                continue
        elif _same_file(info, target) or (top and name in own):
            source.unlink()
            continue
        elif not os.path.lexists(target):
            os.rename(source, target)
            continue
        os.rename(source, _free_name(target))
    previous.rmdir()


def _same_file(info: os.stat_result, path: Path) -> bool:
    try:
        other = path.lstat()
    except FileNotFoundError:
        return False
    return (info.st_dev, info.st_ino) == (other.st_dev, other.st_ino)


def _free_name(path: Path) -> Path:
    for i in range(1, 1000):
        candidate = path.with_name(f"{path.name}.vbdocs-kept{'' if i == 1 else i}")
        if not os.path.lexists(candidate):
            return candidate
    raise OutputError(_("cannot find a free name beside {path}").format(path=path))
