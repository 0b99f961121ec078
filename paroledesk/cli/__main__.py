"""`python -m paroledesk.cli`, as the `paroledesk` command."""

import sys

from paroledesk.cli import main

sys.exit(main())
