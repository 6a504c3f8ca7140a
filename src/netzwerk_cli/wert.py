"""Unveränderliche Werte mit ``__slots__``, ohne ``dataclasses``.

Ein ``@dataclass(frozen=True)`` erzeugt beim Import sechs Methoden per ``exec``
(gemessen ~3 Mio. Instruktionen je Klasse, ~1,3 ms); bei jedem Start von netz
zählt das. Klassen, die kein Tupel sein dürfen (Pydantic behandelt NamedTuple-Felder
als Tupel) oder generisch sind, erben stattdessen von :class:`Wert`: Gleichheit,
Hash, ``repr`` und Pickle ergeben sich aus den Slots, Zuweisen ist verboten.
"""

from __future__ import annotations

from typing import Any


class Wert:
    """Unterklassen nennen in ``_felder`` die Felder in der Reihenfolge ihres ``__init__``
    (``__slots__`` darf anders sortiert sein: Werkzeuge wie ruff sortieren es)."""

    __slots__: tuple[str, ...] = ()
    _felder: tuple[str, ...] = ()

    def _werte(self) -> tuple[Any, ...]:
        return tuple(getattr(self, n) for n in self._felder)

    def __setattr__(self, name: str, wert: Any) -> None:
        raise AttributeError(f"{type(self).__name__} ist unveränderlich")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} ist unveränderlich")

    def __eq__(self, anderes: object) -> bool:
        if type(anderes) is not type(self):
            return NotImplemented
        return self._werte() == anderes._werte()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash((type(self).__name__, self._werte()))

    def __repr__(self) -> str:
        felder = ", ".join(f"{n}={getattr(self, n)!r}" for n in self._felder)
        return f"{type(self).__name__}({felder})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), self._werte())
