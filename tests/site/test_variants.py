"""Changing an essay's assumptions on the page: every figure and glued number switch to the variant's run.

The variants are executed by the build with the essay's own code, as ``python -m
sovind rerun`` executes a run (:mod:`sovind.essay.variants`). For each essay and
each other value of each parameter, the browser picks it with the page's control;
the numbers then shown must be the run's glued values, formatted as the page
formats them, and every figure's data must be the run's. The URL carries the state.
"""

from __future__ import annotations

import json

import pytest

from sovind.essay.declaration import essays
from sovind.essay.execute import run_dir
from sovind.essay.variants import formatted, variant_dir
from tests.site.test_browser import _open, browser, server  # noqa: F401  (fixtures)

pytestmark = [pytest.mark.browser, pytest.mark.book]

CASES = [(name, p.name, value) for name, declared in essays().items() for p in declared.parameters
         for value in p.allowed() if value != p.default]

#: What the page shows: each glued number's key, format and text, and each figure's spec as drawn.
_STATE = """() => ({
  glue: [...document.querySelectorAll('.sovind-glue')].map(s => [s.dataset.glue, s.textContent]),
  figures: Object.fromEntries([...document.querySelectorAll('.sovind-figure')].map(f => [f.dataset.figureId,
    f.sovindSpec || JSON.parse(f.querySelector('script.sovind-spec').textContent)])),
  status: (document.querySelector('.sovind-variant-status') || {}).textContent || '',
})"""


def expected(folder, essay: str) -> tuple[dict[str, str], dict[str, dict]]:
    """The run's glued numbers by "key:format" (formatted lazily) and its figures' specs."""
    headlines = json.loads((folder / "headlines.json").read_text(encoding="utf-8"))
    specs = {f: json.loads((folder / "figures" / f"{f}.json").read_text(encoding="utf-8"))["spec"]
             for f in essays()[essay].figures}
    return headlines, specs


def check(state: dict, headlines: dict, specs: dict) -> None:
    assert state["glue"], "no glued number found on the page"
    wrong = [(k, shown, formatted(headlines[k.rsplit(":", 1)[0]], k.rsplit(":", 1)[1]))
             for k, shown in state["glue"]
             if shown != formatted(headlines[k.rsplit(":", 1)[0]], k.rsplit(":", 1)[1])]
    assert wrong == []
    assert set(state["figures"]) == set(specs)
    for figure_id, spec in specs.items():
        assert state["figures"][figure_id]["datasets"] == spec["datasets"], figure_id
        assert state["figures"][figure_id] == spec, figure_id


def _page(browser, server, essay: str, query: str = "", **options):  # noqa: F811
    """Open an essay's page (with a query string, if given); return its context, tab and script errors."""
    errors: list[str] = []
    context, tab = _open(browser, server, f"book/{essay}.html{query}", errors=errors, **options)
    return context, tab, errors


@pytest.mark.parametrize("essay", list(essays()))
def test_the_published_page_shows_the_published_run(server, browser, essay):  # noqa: F811
    context, tab, errors = _page(browser, server, essay)
    state = tab.evaluate(_STATE)
    hidden = tab.evaluate("document.querySelector('form.sovind-controls').hidden")
    context.close()
    check(state, *expected(run_dir(essay), essay))
    assert not hidden and errors == []


@pytest.mark.parametrize(("essay", "parameter", "value"), CASES, ids=[f"{e}-{p}-{v}" for e, p, v in CASES])
def test_choosing_a_value_shows_that_runs_numbers_and_figures(server, browser, essay, parameter, value):  # noqa: F811
    context, tab, errors = _page(browser, server, essay)
    tab.select_option(f"form.sovind-controls select[name={parameter}]", json.dumps(value))
    wanted = json.dumps([[parameter, value]], separators=(",", ":"))
    tab.wait_for_function(f"document.documentElement.dataset.sovindVariant === {json.dumps(wanted)}")
    tab.wait_for_function("[...document.querySelectorAll('.sovind-chart')].every(c => c.dataset.rendered)")
    state = tab.evaluate(_STATE)
    url = tab.url
    context.close()
    assert errors == []
    check(state, *expected(variant_dir(essay, {parameter: value}), essay))
    assert f"{parameter}={json.dumps(value).strip(chr(34))}" in url  # as the page writes it: true, 1928, starting


def test_a_link_with_a_value_reproduces_that_view(server, browser):  # noqa: F811
    context, tab, errors = _page(browser, server, "fyp1", "?plan_variant=starting")
    tab.wait_for_function("document.documentElement.dataset.sovindVariant !== undefined")
    state = tab.evaluate(_STATE)
    chosen = tab.eval_on_selector("select[name=plan_variant]", "s => s.value")
    context.close()
    assert errors == [] and chosen == '"starting"'
    check(state, *expected(variant_dir("fyp1", {"plan_variant": "starting"}), "fyp1"))


def test_an_invalid_value_in_the_link_is_ignored_with_a_notice(server, browser):  # noqa: F811
    context, tab, errors = _page(browser, server, "fyp1", "?plan_variant=bogus")
    tab.wait_for_function("document.querySelector('.sovind-variant-status').textContent.includes('does not offer')")
    state = tab.evaluate(_STATE)
    context.close()
    assert errors == []
    assert "bogus" in state["status"]
    check(state, *expected(run_dir("fyp1"), "fyp1"))


def test_a_changed_figure_says_what_it_shows_and_downloads_with_it(server, browser, tmp_path):  # noqa: F811
    from pathlib import Path

    context, tab, errors = _page(browser, server, "fyp1", "?plan_variant=starting", accept_downloads=True)
    tab.wait_for_function("document.documentElement.dataset.sovindVariant !== undefined")
    tab.wait_for_function("[...document.querySelectorAll('.sovind-chart')].every(c => c.dataset.rendered)")
    figure = tab.locator("figure#fyp1-fulfilment-by-product")
    note = figure.locator(".sovind-variant-note").inner_text()
    with tab.expect_download() as info:
        figure.get_by_text("download this view as SVG").click()
    picture = Path(info.value.path()).read_text(encoding="utf-8")
    untouched = tab.locator("figure#fyp1-output-index .sovind-variant-note").count()
    context.close()
    assert "Which plan the 1932 outcomes are measured against: starting" in note
    assert "plan_variant=starting" in note and "published figure" in note
    assert "<svg" in picture and "not the published figure" in picture and "plan_variant=starting" in picture
    assert untouched == 0, "a figure the choice does not change carries no note"
    assert errors == []


@pytest.mark.parametrize("essay", list(essays()))
def test_the_controls_never_make_a_phone_page_scroll_sideways(server, browser, essay):  # noqa: F811
    # A select is as wide as its longest option unless the form lets it shrink: the page must not pan sideways
    # at 390 px once the script has shown the controls (a long source name once made it 557 px wide).
    context, tab, errors = _page(browser, server, essay, width=390)
    tab.wait_for_selector("form.sovind-controls:not([hidden])")
    widths = tab.evaluate("""() => ({page: document.documentElement.scrollWidth, view: window.innerWidth,
        form: Math.ceil(document.querySelector('form.sovind-controls').getBoundingClientRect().right)})""")
    context.close()
    assert widths["page"] <= widths["view"] and widths["form"] <= widths["view"], widths
    assert errors == []
