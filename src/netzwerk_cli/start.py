"""Der Einstieg von ``netz``: so klein, dass auch ein Strg+C während der Importe ohne
Traceback endet. Alles Weitere geschieht in :func:`netzwerk_cli.cli.main`."""

from __future__ import annotations

import sys


def main() -> None:
    try:
        from .cli import main as haupt
    except KeyboardInterrupt:
        sys.stderr.write("Abgebrochen. Nichts gespeichert.\n")
        sys.exit(130)
    haupt()
