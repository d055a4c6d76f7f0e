"""A figure: its record from the run context, its exports and its HTML (no kernel, no book build)."""

import json
import struct
import zlib

import altair as alt
import pandas as pd
import pytest

from sovind.essay import run as run_module
from sovind.essay.declaration import essay
from sovind.essay.run import FIGURE_MIME, GLUE_PREFIX, Run
from sovind.site.export import export
from sovind.site.figure import FigureRecord, plotted_data

DATA = pd.DataFrame(
    {"year": [1913, 1932], "value": [2.0, 13.5], "source": ["wiki_industrialization"] * 2,
     "locator": ["Section GOELRO"] * 2}
)
FIGURE = "goelro-plan-accounts"  # a figure the goelro essay declares


def chart(data=DATA):
    return alt.Chart(data).mark_line().encode(x="year:Q", y="value:Q")


@pytest.fixture
def emitted(monkeypatch):
    """Capture what the run context emits instead of displaying it."""
    out: list[tuple[str, dict]] = []
    monkeypatch.setattr(run_module, "emit", lambda name, bundle: out.append((name, bundle)))
    return out


def make(values=None, **kwargs) -> FigureRecord:
    run = Run(essay("goelro"), values or {})
    figure = kwargs.pop("chart", chart())
    return run.publish(figure, **({"id": FIGURE, "title": "T", "alt_text": "A line."} | kwargs))


def test_publish_emits_the_record_as_a_hidden_glue_output(emitted):
    record = make()
    [(name, bundle)] = emitted
    assert name == f"sovind-figure-{FIGURE}"
    assert bundle["text/plain"] == f"Figure {FIGURE}: T"
    assert FigureRecord.from_json(bundle[FIGURE_MIME]) == record
    assert all(not k.startswith(GLUE_PREFIX) for k in bundle)  # emit() adds the prefix


def test_export_writes_all_formats(tmp_path, emitted):
    files = export(make(), tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in files.values())
    assert files["svg"].read_text().lstrip().startswith("<svg")
    assert files["png"].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert json.loads(files["json"].read_text())["id"] == FIGURE


def test_csv_is_exactly_the_data_in_the_chart_in_its_column_order(tmp_path, emitted):
    files = export(make(), tmp_path)
    assert files["csv"].read_text().splitlines()[0] == "year,value,source,locator"
    assert pd.read_csv(files["csv"]).equals(DATA)


def test_record_survives_a_json_round_trip_with_sorted_keys(emitted):
    record = make()
    again = FigureRecord.from_json(json.loads(json.dumps(record.to_json(), sort_keys=True)))
    assert again.csv == record.csv and again.html("x") == record.html("x")


def test_plotted_data_takes_every_layer():
    other = DATA.assign(value=[1.0, 2.0], locator="Table 2")
    spec = alt.layer(chart(), chart(other)).to_dict()
    assert len(plotted_data(spec)) == 4


def test_provenance_is_stamped_in_svg_and_png(tmp_path, emitted):
    record = make({"fyp_variant": "starting"})
    files = export(record, tmp_path)
    assert '<metadata id="sovind-provenance">' in files["svg"].read_text()
    png = files["png"].read_bytes()
    assert b"tEXtsovind:provenance\x00" in png and b'"fyp_variant": "starting"' in png
    assert record.provenance["parameters"]["fyp_variant"] == "starting"
    assert record.url().endswith(f"/book/goelro.html#{FIGURE}")


def test_png_chunks_stay_valid(tmp_path, emitted):
    png = export(make(), tmp_path)["png"].read_bytes()
    position, seen = 8, []
    while position < len(png):
        (length,) = struct.unpack(">I", png[position:position + 4])
        kind = png[position + 4:position + 8]
        body = png[position + 8:position + 8 + length]
        (crc,) = struct.unpack(">I", png[position + 8 + length:position + 12 + length])
        assert crc == zlib.crc32(kind + body) & 0xFFFFFFFF, kind
        seen.append(kind)
        position += 12 + length
    assert seen[0] == b"IHDR" and seen[1] == b"tEXt" and seen[-1] == b"IEND"


def test_exports_are_byte_identical_on_rerun(tmp_path, emitted):
    a, b = export(make(), tmp_path / "a"), export(make(), tmp_path / "b")
    for fmt, path in a.items():
        assert path.read_bytes() == b[fmt].read_bytes(), fmt


def test_html_has_anchor_ids_alt_text_source_and_cite_block(emitted):
    html = make().html("../_static/figures")
    assert f'id="figure-{FIGURE}"' in html and f'id="chart-{FIGURE}"' in html
    assert 'alt="A line."' in html and 'aria-label="A line."' in html
    assert ("Source: Wikipedia contributors (n.d.), Industrialization in the Soviet Union [reference work], "
            "Section GOELRO.") in html
    assert '<details class="sovind-cite">' in html and f"@misc{{sovind-{FIGURE}," in html
    assert html.count(f'<span class="sovind-fignum" data-figure-id="{FIGURE}">?</span>') == 2
    for ext in ("svg", "png", "csv"):
        assert f'href="../_static/figures/{FIGURE}.{ext}"' in html


def test_html_escapes_what_the_data_and_essay_supply(emitted):
    hostile = '<script>alert("x")</script>'
    data = DATA.assign(locator=hostile)
    html = make(chart=chart(data), title=hostile, alt_text=f'a "quoted" {hostile}').html("x")
    start = html.index('<script type="application/json" class="sovind-spec">')
    page, spec = html[:start], html[start:]
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert" in page and "&#34;quoted&#34;" in page
    assert spec.count("</script>") == 1 and "<\\/script>" in spec  # the JSON cannot close its script element


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"id": "Bad Id"}, "lower-case words"),
    ({"id": "goelro-not-declared"}, "not declared in the front matter"),
    ({"alt_text": "  "}, "needs alt text"),
])
def test_publish_rejects_bad_metadata(kwargs, message, emitted):
    with pytest.raises(ValueError, match=message):
        make(**kwargs)
    assert emitted == []


def test_every_plotted_row_needs_a_source(emitted):
    with pytest.raises(ValueError, match="source"):
        make(chart=chart(DATA.drop(columns="source")))


def test_derived_rows_are_named_as_computed(emitted):
    derived = pd.DataFrame({"year": [1920], "value": [5.0], "derived": ["midpoint of the sourced values"]})
    record = make(chart=alt.layer(chart(), chart(derived)))
    assert record.source_line.endswith("Computed by the book: midpoint of the sourced values.")
    assert record.source_line.startswith("Source: Wikipedia contributors")


def test_a_figure_of_derived_rows_only_is_refused(emitted):
    derived = pd.DataFrame({"year": [1920], "value": [5.0], "derived": ["something"]})
    with pytest.raises(ValueError, match="source"):
        make(chart=chart(derived))


def test_plotted_rows_follow_the_layers_not_the_hash_names_of_their_datasets():
    spec = {"datasets": {"data-ffff": [{"x": 1}], "data-0000": [{"x": 2}]},
            "layer": [{"data": {"name": "data-ffff"}}, {"data": {"name": "data-0000"}}]}
    assert plotted_data(spec)["x"].tolist() == [1, 2]
