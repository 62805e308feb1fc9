"""``python -m filmmeta``: see :mod:`filmmeta._cli`."""

import sys

from filmmeta._cli import main

sys.exit(main())
