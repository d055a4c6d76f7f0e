"""Command line: ``python -m sovind data | essays [NAME ...] | pages``."""

from __future__ import annotations

import argparse
import sys

from sovind import DataError, ParameterError


def main(argv: list[str] | None = None) -> int:
    """Run one pipeline stage; exit 2 with a clear message on bad input."""
    parser = argparse.ArgumentParser(prog="python -m sovind", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("data", help="rebuild data/clean and data/datapackage.json from data/raw")
    essays = sub.add_parser("essays", help="execute the essays whose inputs changed (papermill, in parallel)")
    essays.add_argument("names", nargs="*", help="essays to consider (default: all)")
    essays.add_argument("--force", action="store_true", help="execute even if nothing changed")
    sub.add_parser("pages", help="write generated pages and the local chart library into book/")
    args = parser.parse_args(argv)
    try:
        if args.command == "data":
            from sovind.build import build_all

            for name in build_all():
                print(f"data/clean/{name}.csv")
        elif args.command == "essays":
            from sovind.notebooks import ESSAYS
            from sovind.rebuild import rebuild

            for name in args.names:
                if name not in ESSAYS:
                    raise ParameterError(f"unknown essay {name!r}; essays: {', '.join(ESSAYS)}")
            for decision in rebuild(list(args.names or ESSAYS), force=args.force):
                verb = "executed" if decision.run else "skipped "
                print(f"{verb} book/{decision.essay}.ipynb: {decision.reason}", flush=True)
        elif args.command == "pages":
            from sovind.figures import write_vendor_bundle
            from sovind.pages import write_generated_pages

            for path in [*write_generated_pages(), write_vendor_bundle()]:
                print(path)
    except (DataError, ParameterError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
