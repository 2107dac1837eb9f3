"""What the operating system said, in Dutch: its own texts ("Permission denied") are English."""

from __future__ import annotations

import errno

_REASONS = {
    errno.EACCES: "geen toestemming",
    errno.EPERM: "geen toestemming",
    errno.ENOENT: "bestaat niet",
    errno.ENOTDIR: "een deel van het pad is geen map",
    errno.EISDIR: "is een map, geen bestand",
    errno.EEXIST: "bestaat al",
    errno.ENOSPC: "de schijf is vol",
    errno.EDQUOT: "de schijfruimte voor deze gebruiker is op",
    errno.EROFS: "de schijf is alleen-lezen",
    errno.ENAMETOOLONG: "de naam is te lang",
    errno.ELOOP: "te veel symbolische links na elkaar",
    errno.EMFILE: "te veel open bestanden",
    errno.EIO: "lees- of schrijffout van de schijf",
    errno.EBUSY: "is in gebruik",
    errno.ETXTBSY: "is in gebruik",
    errno.EINVAL: "ongeldige naam",
}


def describe_os_error(exc: OSError) -> str:
    """A short Dutch reason for `exc`, never the English text of the system."""
    if exc.errno in _REASONS:
        return _REASONS[exc.errno]
    return f"systeemfout {exc.errno}" if exc.errno else "onbekende systeemfout"
