"""Deutsche Zahlen: Dezimalkomma, Tausenderpunkt."""


def prozent(anteil: float) -> str:
    return f"{anteil * 100:.1f}".replace(".", ",") + " %"


def ganz(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def dezimal(x: float, stellen: int = 2) -> str:
    return f"{x:,.{stellen}f}".replace(",", "_").replace(".", ",").replace("_", ".")
