"""Deutsche Zahlen: Dezimalkomma, Tausenderpunkt, Spannen mit Halbgeviertstrich."""


def prozent(anteil: float) -> str:
    return f"{anteil * 100:.1f}".replace(".", ",") + " %"


def ganz(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def dezimal(x: float, stellen: int = 2) -> str:
    return f"{x:,.{stellen}f}".replace(",", "_").replace(".", ",").replace("_", ".")


def spanne(s: tuple[int, int]) -> str:
    """„43“ oder „43–45“ – eine Spanne zweier Zählungen."""
    return str(s[0]) if s[0] == s[1] else f"{s[0]}–{s[1]}"
