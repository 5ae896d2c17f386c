"""What a person picks from a fixed list (a kind, a unit code, a format), matched as they
would mean it: in any case, and an unknown pick answered with the closest known one."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Sequence

from .errors import OutputError
from .i18n import _


def choose(picked: Iterable[str], known: Sequence[str], unknown: str,
           key: Callable[[str], str] = str.casefold) -> tuple[str, ...]:
    """``picked`` written as ``known`` writes them (``PDF`` → ``pdf``, ``vp`` → ``VP``), in order,
    each once. Two values are the same when their ``key`` is (by default: the same letters in
    any case).

    Raises:
        OutputError: a pick that names none of ``known``: ``unknown`` (a translated text with
            ``{pick}`` and ``{known}``), then the closest known value ("did you mean …?").
    """
    by_key = {key(name): name for name in known}
    chosen: list[str] = []
    for pick in picked:
        name = by_key.get(key(pick))
        if name is None:
            message = unknown.format(pick=repr(pick), known=", ".join(known))
            close = difflib.get_close_matches(key(pick), list(by_key), n=1, cutoff=0.5)
            if close:
                message += _(" (did you mean {name}?)").format(name=repr(by_key[close[0]]))
            raise OutputError(message)
        if name not in chosen:
            chosen.append(name)
    return tuple(chosen)
