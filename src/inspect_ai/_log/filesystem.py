"""Access to log files on local disk or any fsspec filesystem (``s3://``, ``memory://``).

Local paths never import fsspec (it is slow to import); everything else goes through it.
Writes are atomic: data goes to a temporary file beside the target, which is then renamed.
Object stores such as S3 replace objects atomically, so there the data is first written to
a local (spooled) temporary file and uploaded only once it is complete; a failed upload is
abandoned, leaving the previous object in place.
"""

import io
import os
import secrets
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import IO, Any
from urllib.parse import unquote, urlparse

_LOCAL_PROTOCOLS = ("", "file", "local")
_SPOOL = 64 * 1024 * 1024
"""Remote writes are staged in memory up to this size, then in a local temporary file."""
_CHUNK = 8 * 1024 * 1024
"""Piece size when uploading a staged file."""


@dataclass(frozen=True)
class FileEntry:
    """A file found while listing a directory."""

    name: str
    """Path (local) or URI (remote) of the file."""

    size: int
    """Size in bytes."""

    mtime: float | None
    """Modification time, if the storage reports one."""


def protocol(location: str) -> str:
    """The URL scheme of ``location`` (``""`` for a plain path)."""
    if "://" not in location:
        return ""
    return location.split("://", 1)[0].lower()


def is_local(location: str) -> bool:
    """Whether ``location`` is on the local filesystem."""
    return protocol(location) in _LOCAL_PROTOCOLS


def local_path(location: str) -> str:
    """The local filesystem path of a plain path or ``file://`` URI."""
    if location.startswith("file://"):
        return unquote(urlparse(location).path)
    if location.startswith("local://"):
        return location[len("local://") :]
    return location


def absolute(location: str) -> str:
    """``location`` made absolute (remote URIs are returned unchanged)."""
    if is_local(location):
        return os.path.abspath(os.path.expanduser(local_path(location)))
    return location


def join(directory: str, name: str) -> str:
    """``name`` inside ``directory``."""
    if is_local(directory):
        return os.path.join(local_path(directory), name)
    return directory.rstrip("/") + "/" + name


def basename(location: str) -> str:
    """The last component of a path or URI."""
    return location.rstrip("/").rsplit("/", 1)[-1]


def dirname(location: str) -> str:
    """The directory part of a path or URI."""
    if is_local(location):
        return os.path.dirname(local_path(location))
    return location.rstrip("/").rsplit("/", 1)[0]


def _fs(location: str, fs_options: dict[str, Any] | None) -> Any:
    import fsspec

    fs, _ = fsspec.core.url_to_fs(location, **(fs_options or {}))
    return fs


def exists(location: str, fs_options: dict[str, Any] | None = None) -> bool:
    """Whether a file or directory exists at ``location``."""
    if is_local(location):
        return os.path.exists(local_path(location))
    return bool(_fs(location, fs_options).exists(location))


def is_dir(location: str, fs_options: dict[str, Any] | None = None) -> bool:
    """Whether ``location`` is a directory."""
    if is_local(location):
        return os.path.isdir(local_path(location))
    return bool(_fs(location, fs_options).isdir(location))


def read_bytes(location: str, fs_options: dict[str, Any] | None = None) -> bytes:
    """All bytes of the file at ``location``."""
    if is_local(location):
        with open(local_path(location), "rb") as file:
            return file.read()
    return bytes(_fs(location, fs_options).cat_file(location))


def open_binary(location: str, fs_options: dict[str, Any] | None = None) -> IO[bytes]:
    """A seekable binary file object for reading ``location``.

    Remote files fetch exactly the ranges read, with no read-ahead (fsspec's default for
    S3 reads ahead 50 MB, i.e. a whole log), so read in few, large pieces.
    """
    if is_local(location):
        return open(local_path(location), "rb")
    file: IO[bytes] = _fs(location, fs_options).open(location, "rb", cache_type="none")
    return file


def write_bytes_atomic(
    location: str, data: bytes, fs_options: dict[str, Any] | None = None
) -> None:
    """Write ``data`` to ``location`` so that readers see the old or the new file, never part."""
    if is_local(location):
        write_atomic(location, lambda file: file.write(data), fs_options)
    else:
        upload(io.BytesIO(data), location, fs_options)  # already complete: no staging


_WRITE_BUFFER = 1 << 20
"""Write buffer of a local atomic write: few, large writes (each one a system call that
a writer thread must then win the GIL back from)."""


def write_atomic(
    location: str,
    writer: Callable[[IO[bytes]], Any],
    fs_options: dict[str, Any] | None = None,
    seed: str | None = None,
) -> None:
    """Write ``location`` atomically by calling ``writer`` with a binary file to fill.

    When ``seed`` names an existing local file, the temporary file starts as a copy of it
    and is opened for reading and writing, so ``writer`` can append to it.
    """
    if not is_local(location):
        with tempfile.SpooledTemporaryFile(max_size=_SPOOL) as staged:
            writer(staged)
            staged.seek(0)
            upload(staged, location, fs_options)
        return
    path = local_path(location)
    directory = os.path.dirname(os.path.abspath(path))
    os.makedirs(directory, exist_ok=True)
    temporary = os.path.join(directory, f".{os.path.basename(path)}.{secrets.token_hex(4)}.tmp")
    try:
        if seed is not None and os.path.exists(local_path(seed)):
            _copy_file(local_path(seed), temporary)
            mode = "r+b"
        else:
            mode = "w+b"
        with open(temporary, mode, buffering=_WRITE_BUFFER) as file:
            writer(file)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.remove(temporary)
        raise


def upload(source: IO[bytes], location: str, fs_options: dict[str, Any] | None = None) -> None:
    """Write the rest of ``source`` to the remote ``location``, replacing it whole.

    If reading or sending fails part way, the upload is abandoned rather than committed,
    so the object keeps its previous content.
    """
    file = _fs(location, fs_options).open(location, "wb")
    try:
        shutil.copyfileobj(source, file, _CHUNK)
    except BaseException:
        _abandon(file)
        raise
    file.close()


def _abandon(file: Any) -> None:
    """Close an fsspec file being written without committing what it holds."""
    discard = getattr(file, "discard", None)
    if callable(discard):
        discard()
    try:
        file.closed = True  # fsspec buffered files commit on close (also when collected)
    except AttributeError:
        pass


def _copy_file(source: str, destination: str) -> None:
    shutil.copyfile(source, destination)


def make_dirs(location: str, fs_options: dict[str, Any] | None = None) -> None:
    """Create the directory ``location`` (and its parents) if it does not exist."""
    if is_local(location):
        os.makedirs(local_path(location), exist_ok=True)
    else:
        _fs(location, fs_options).makedirs(location, exist_ok=True)


def remove(location: str, fs_options: dict[str, Any] | None = None) -> None:
    """Delete the file at ``location`` (nothing happens if there is none)."""
    if is_local(location):
        try:
            os.remove(local_path(location))
        except FileNotFoundError:
            pass
        return
    fs = _fs(location, fs_options)
    if fs.exists(location):
        fs.rm_file(location)


def copy_file(source: str, destination: str, fs_options: dict[str, Any] | None = None) -> None:
    """Copy a file (atomically at the destination)."""
    write_bytes_atomic(destination, read_bytes(source, fs_options), fs_options)


def list_files(
    directory: str, recursive: bool, fs_options: dict[str, Any] | None = None
) -> Iterator[FileEntry]:
    """The files in ``directory`` (and, if ``recursive``, its subdirectories)."""
    if is_local(directory):
        yield from _list_local(os.path.abspath(local_path(directory)), recursive)
    else:
        yield from _list_remote(directory, recursive, fs_options)


def _list_local(directory: str, recursive: bool) -> Iterator[FileEntry]:
    try:
        entries = list(os.scandir(directory))
    except FileNotFoundError:
        return
    for entry in entries:
        if entry.is_dir(follow_symlinks=True):
            if recursive:
                yield from _list_local(entry.path, recursive)
        elif entry.is_file(follow_symlinks=True):
            stat = entry.stat()
            yield FileEntry(name=entry.path, size=stat.st_size, mtime=stat.st_mtime)


def _list_remote(
    directory: str, recursive: bool, fs_options: dict[str, Any] | None
) -> Iterator[FileEntry]:
    fs = _fs(directory, fs_options)
    if not fs.exists(directory):
        return
    infos = fs.find(directory, detail=True) if recursive else fs.ls(directory, detail=True)
    items = infos.values() if isinstance(infos, dict) else infos
    root = _strip(directory).rstrip("/") + "/"
    for info in items:
        path = str(info["name"])  # listed paths come without the protocol
        if info.get("type") == "directory" or not path.startswith(root):
            continue
        name = join(directory, path[len(root) :])
        yield FileEntry(name=name, size=int(info.get("size") or 0), mtime=_mtime(info))


def relative_path(location: str, directory: str) -> str | None:
    """The path of ``location`` relative to ``directory`` (None when it is not inside it).

    Works for local paths, ``file://`` URIs and any fsspec URL (``memory://x/a`` and
    ``memory:///x/a`` name the same file).
    """
    if is_local(location) and is_local(directory):
        path, root = absolute(location), absolute(directory).rstrip(os.sep)
        return path[len(root) + 1 :] if path.startswith(root + os.sep) else None
    path, root = _strip(location), _strip(directory).rstrip("/")
    return path[len(root) + 1 :] if path.startswith(root + "/") else None


def _strip(location: str) -> str:
    from fsspec.core import strip_protocol

    return str(strip_protocol(location))


def _mtime(info: dict[str, Any]) -> float | None:
    for key in ("mtime", "LastModified", "last_modified", "created"):
        value = info.get(key)
        if isinstance(value, int | float):
            return float(value)
        timestamp = getattr(value, "timestamp", None)
        if callable(timestamp):
            return float(timestamp())
    return None
