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


def anzahl(n: int, einzahl: str, mehrzahl: str) -> str:
    """„1 Region“, „2 Regionen“, „0 Regionen“ – der Nutzer liest Sätze, keine Schablonen."""
    return f"{n} {einzahl if n == 1 else mehrzahl}"


MINUS = "\u2212"  # das eine Minuszeichen (−), nicht der Bindestrich


def mit_vorzeichen(n: int) -> str:
    """„+3“, „−2“, „0“ – mit echtem Minuszeichen, wie in der Zeitreihe."""
    return f"+{n}" if n > 0 else f"{MINUS}{-n}" if n < 0 else "0"


def es_fehlen(n: int) -> str:
    return "es fehlt 1" if n == 1 else f"es fehlen {n}"
