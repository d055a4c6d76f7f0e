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
    sub.add_parser("essays", help="list the essays and the parameters each accepts")
    publish = sub.add_parser("publish", help="execute the essays and scenarios whose inputs changed, in parallel")
    publish.add_argument("names", nargs="*", help="essays to consider (default: all)")
    publish.add_argument("--force", action="store_true", help="execute even if nothing changed")
    rerun = sub.add_parser("rerun", help="rerun an essay with other parameter values into runs/, with a report")
    rerun.add_argument("essay")
    rerun.add_argument("-p", nargs=2, action="append", default=[], metavar=("NAME", "VALUE"),
                       help="a parameter value (repeatable)")
    sub.add_parser("pages", help="write generated pages and the local chart library into book/")
    args = parser.parse_args(argv)
    try:
        if args.command == "data":
            from sovind.build import build_all

            for name in build_all():
                print(f"data/clean/{name}.csv")
        elif args.command == "essays":
            from sovind.essays import ESSAYS

            for essay in ESSAYS.values():
                print(f"{essay.name}: {essay.title}")
                for p in essay.parameters:
                    print(f"  {p.name} (default {p.default!r}): {p.help}; allowed: "
                          f"{', '.join(map(str, p.allowed()))}")
                for name, values in essay.scenarios.items():
                    print(f"  scenario {name}: {values}")
        elif args.command == "rerun":
            from sovind.essays import parse_values
            from sovind.rerun import rerun

            values = parse_values(args.essay, [tuple(pair) for pair in args.p])
            out = rerun(args.essay, values)
            print(f"report: {out / 'report.md'}\nreport (HTML): {out / 'report.html'}")
        elif args.command == "publish":
            from sovind.notebooks import ESSAYS
            from sovind.rebuild import rebuild

            for name in args.names:
                if name not in ESSAYS:
                    raise ParameterError(f"unknown essay {name!r}; essays: {', '.join(ESSAYS)}")
            for decision in rebuild(list(args.names or ESSAYS), force=args.force):
                verb = "executed" if decision.run else "skipped "
                what = f"scenario {decision.essay}" if "@" in decision.essay else f"book/{decision.essay}.ipynb"
                print(f"{verb} {what}: {decision.reason}", flush=True)
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
