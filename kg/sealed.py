"""Pickles kg keeps in a store folder (the extraction cache and the live build's index), sealed with an
HMAC-SHA256 under the user's own key: unpickling runs code and a store folder may come from someone else,
so kg unpickles only what this user's kg wrote, and checks the seal before it does.

The key is 32 random bytes in the user's config folder (kg.user_dirs), mode 0600, made on first use."""
from __future__ import annotations

import hmac
import os
import pickle
import secrets
import tempfile
from functools import lru_cache

from kg.errors import StoreError
from kg.user_dirs import user_config_dir

KEY_FILE = "seal.key"
_MAC = 32  # bytes of an HMAC-SHA256 at the head of a sealed blob


class Unsealed(StoreError):
    """A blob whose seal does not check out: not written by this user's kg, or changed since."""


@lru_cache(maxsize=1)
def user_key() -> bytes:
    """The user's key, made (mode 0600) if there is none; one that others could read or replace is refused."""
    try:
        return _read_or_make_key()
    except OSError as exc:
        raise StoreError(f"{exc.filename or 'the user config folder'}: cannot read or make kg's key "
                         f"({exc.strerror}); set XDG_CONFIG_HOME to a folder of your own") from None


def _read_or_make_key() -> bytes:
    path = user_config_dir() / KEY_FILE
    if not path.exists():
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=KEY_FILE + ".")  # made 0600
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(secrets.token_bytes(32))
            os.link(tmp, path)  # never replaces a key another kg process made meanwhile
        except FileExistsError:
            pass
        finally:
            os.unlink(tmp)
    with open(path, "rb") as f:
        st = os.fstat(f.fileno())
        key = f.read()
    if st.st_uid != os.getuid() or st.st_mode & 0o077 or len(key) != 32:
        raise StoreError(f"{path}: kg's key must be the user's own 32-byte file that no one else can read "
                         f"or write (mode 0600); delete it and kg makes a new one (then rebuild stores with kg build)")
    return key


def seal(data: bytes) -> bytes:
    """data with its HMAC in front."""
    return hmac.digest(user_key(), data, "sha256") + data


def unseal(blob: bytes) -> memoryview:
    """The data of a sealed blob (not copied); Unsealed unless its HMAC checks out under the user's key."""
    data = memoryview(blob)[_MAC:]
    if len(blob) < _MAC or not hmac.compare_digest(blob[:_MAC], hmac.digest(user_key(), data, "sha256")):
        raise Unsealed("cached data that this user's kg did not write, or that changed since (a store folder "
                       "from elsewhere?): not read; delete this file and kg extracts the documents again")
    return data


def dumps(obj) -> bytes:
    return seal(pickle.dumps(obj, protocol=5))


def loads(blob: bytes):
    """obj from dumps(obj), unpickled only once its seal checks out."""
    return pickle.loads(unseal(blob))
