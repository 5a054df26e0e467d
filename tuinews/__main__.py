"""`python -m tuinews`."""

from tuinews.cli import main

main()
