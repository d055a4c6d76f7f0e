"""Command line: ``python -m sovind COMMAND``.

COMMAND is one of data, coverage, essays, publish, variants, rerun, pages, pdf, screenshots and snapshots.
"""

from __future__ import annotations

import signal
import sys

import click

from sovind.errors import DataError, ParameterError


class _Group(click.Group):
    """Print bad-input errors as one line and exit with status 2, as for a bad option."""

    def invoke(self, ctx: click.Context) -> object:
        from papermill.exceptions import PapermillExecutionError

        try:
            return super().invoke(ctx)
        except (DataError, ParameterError) as exc:
            click.echo(f"error: {exc}", err=True)
            ctx.exit(2)
        except PapermillExecutionError as exc:
            click.echo(f"error: the essay failed in its cell {exc.exec_count}: {exc.ename}: {exc.evalue}", err=True)
            ctx.exit(2)


def stop_cleanly(signum: int, frame: object) -> None:
    """On SIGTERM, exit through Python so that every ``finally`` removes its scratch files."""
    raise SystemExit(128 + signum)


@click.group(cls=_Group)
def main() -> None:
    """Build the data, run the essays, write the generated pages."""
    signal.signal(signal.SIGTERM, stop_cleanly)


@main.command()
def data() -> None:
    """Rebuild data/clean and data/datapackage.json from data/raw (all or nothing)."""
    from sovind.data.build import build_all

    for name in build_all():
        click.echo(f"data/clean/{name}.csv")


@main.command()
def coverage() -> None:
    """Print which series the data hold for which years, 1913-1945, by best class of source."""
    from sovind.data.coverage import matrix, strong_cells, text

    table = matrix()
    click.echo(text(table))
    click.echo(f"\n{strong_cells(table)} of {table.size} cells rest on official statistics, a plan, an archive or "
               "scholarship.")


@main.command()
def essays() -> None:
    """List the essays and the parameters each accepts."""
    from sovind.essay.declaration import essays as declared

    for essay in declared().values():
        click.echo(f"{essay.name}: {essay.title}")
        for p in essay.parameters:
            names = p.option_names()
            allowed = ", ".join(f"{v} ({names[v]})" if v in names else str(v) for v in p.allowed())
            click.echo(f"  {p.name} (default {p.default!r}): {p.help}; allowed: {allowed}")
        for name, values in essay.scenarios.items():
            click.echo(f"  scenario {name}: {values}")


@main.command()
@click.argument("names", nargs=-1)
@click.option("--force", is_flag=True, help="execute even if nothing changed")
def publish(names: tuple[str, ...], force: bool) -> None:
    """Execute the essays and scenarios whose inputs changed, in parallel; then write their pages."""
    from sovind.essay.declaration import essay
    from sovind.essay.rebuild import rebuild

    for name in names:
        essay(name)  # an unknown name is an error listing the essays
    decisions = rebuild(list(names) or None, force=force)
    for decision in decisions:
        verb = "executed" if decision.run else "skipped "
        click.echo(f"{verb} {decision.job.label}: {decision.reason}")
    ran = sum(d.run for d in decisions)
    click.echo(f"{ran} of {len(decisions)} runs executed" if ran else "no notebook executed")


@main.command()
@click.argument("names", nargs=-1)
@click.option("--force", is_flag=True, help="execute even if nothing changed")
def variants(names: tuple[str, ...], force: bool) -> None:
    """Execute the variants each essay's page offers (other parameter values) whose inputs changed."""
    from sovind.essay.declaration import essay
    from sovind.essay.rebuild import rebuild

    for name in names:
        essay(name)
    decisions = rebuild(list(names) or None, force=force, variants=True)
    ran = sum(d.run for d in decisions)
    click.echo(f"{ran} of {len(decisions)} variant runs executed" if ran else "no variant run executed")


@main.command()
@click.argument("essay")
@click.option("-p", "pairs", nargs=2, multiple=True, metavar="NAME VALUE", help="a parameter value (repeatable)")
def rerun(essay: str, pairs: tuple[tuple[str, str], ...]) -> None:
    """Rerun an essay with other parameter values into runs/, with a report of what changed."""
    from sovind.essay.declaration import parse_values
    from sovind.essay.rerun import rerun as run

    out = run(essay, parse_values(essay, list(pairs)))
    click.echo(f"report: {out / 'report.md'}\nreport (HTML): {out / 'report.html'}")


@main.command()
def pages() -> None:
    """Write the generated pages, the README's essay table and the local chart library."""
    from sovind import paths
    from sovind.site.export import write_vendor_bundle
    from sovind.site.pages import write_generated_pages

    write_vendor_bundle(paths.STATIC / "vendor")
    changed = write_generated_pages()
    for path in changed:
        click.echo(f"wrote {paths.relative(path)}")
    if not changed:
        click.echo("generated pages unchanged")


@main.command()
def pdf() -> None:
    """Print the single-page build (``make pdf`` makes it) to the whole book as one PDF in the site."""
    from sovind import paths
    from sovind.site.pdf import build_pdf

    click.echo(f"wrote {paths.relative(build_pdf())}")


@main.command()
def screenshots() -> None:
    """Write screenshots of every essay at 390 and 1280 px, light and dark, to _build/screenshots."""
    from sovind import paths
    from sovind.essay.declaration import essays
    from sovind.site.screenshots import take

    for path in take(list(essays())):
        click.echo(f"wrote {paths.relative(path)}")


@main.command()
def snapshots() -> None:
    """Copy the build's figure data and headline numbers into tests/snapshots (a deliberate update)."""
    from sovind import paths
    from sovind.essay.snapshots import update

    changed = update()
    for path in changed:
        click.echo(f"updated {paths.relative(path)}")
    click.echo(f"{len(changed)} snapshot files changed" + ("; commit them with the change they record" if changed
                                                              else ""))


if __name__ == "__main__":
    sys.exit(main())
