import sys

from zhenwu.cli import main

sys.exit(main())
