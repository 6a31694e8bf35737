"""`python -m scripts.publish`: publish dist/ to the API portal (the code is in scripts/portal/)."""

from __future__ import annotations

import sys

from .portal.cli import main

if __name__ == "__main__":
    sys.exit(main(sys.argv))
