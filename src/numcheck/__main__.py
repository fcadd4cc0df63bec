"""``python -m numcheck``: the same command line as the ``numcheck`` script."""

from numcheck.cli import main

if __name__ == "__main__":
    main()
