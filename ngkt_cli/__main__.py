"""The `ngkt` command (and `python -m ngkt_cli`): the command line's own modules compile their
patterns as they are imported, so the compiled patterns kept between runs (`regex_cache`) are
put in force before the command line is imported, not only once it runs."""

from __future__ import annotations

from . import regex_cache


def main() -> None:
    with regex_cache.kept():
        from .cli import main as run

        run()


if __name__ == "__main__":
    main()
