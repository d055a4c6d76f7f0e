import json

import altair as alt
import pandas as pd
import pytest
from sovind.figures import begin_essay, plotted_data, publish

DATA = pd.DataFrame(
    {"year": [1913, 1932], "value": [2.0, 13.5], "source": ["wiki_industrialization"] * 2,
     "locator": ["Section GOELRO"] * 2}
)


def chart(data=DATA):
    return alt.Chart(data).mark_line().encode(x="year:Q", y="value:Q")


def make(tmp_path, **kwargs):
    args = {"id": "test-figure", "title": "T", "alt_text": "A line.", "directory": tmp_path} | kwargs
    return publish(chart(), **args)


def test_publish_writes_all_formats(tmp_path):
    figure = make(tmp_path)
    files = figure.files(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in files.values())
    assert files["svg"].read_text().lstrip().startswith("<svg")
    assert files["png"].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert json.loads(files["json"].read_text())["id"] == "test-figure"


def test_csv_is_exactly_the_data_in_the_chart(tmp_path):
    figure = make(tmp_path)
    assert pd.read_csv(figure.files(tmp_path)["csv"]).equals(DATA)


def test_plotted_data_takes_every_layer():
    other = DATA.assign(value=[1.0, 2.0], locator="Table 2")
    spec = alt.layer(chart(), chart(other)).to_dict()
    assert len(plotted_data(spec)) == 4


def test_provenance_is_stamped_in_svg_and_png(tmp_path):
    begin_essay("goelro", fyp_variant="starting")
    figure = make(tmp_path)
    files = figure.files(tmp_path)
    assert '<metadata id="sovind-provenance">' in files["svg"].read_text()
    png = files["png"].read_bytes()
    assert b"tEXtsovind:provenance\x00" in png and b'"fyp_variant": "starting"' in png
    assert figure.provenance["parameters"] == {"fyp_variant": "starting"}
    assert figure.url().endswith("/book/goelro.html#test-figure")


def test_png_chunks_stay_valid(tmp_path):
    import struct
    import zlib

    png = make(tmp_path).files(tmp_path)["png"].read_bytes()
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


def test_publish_is_byte_identical_on_rerun(tmp_path):
    fig_a = make(tmp_path / "a", directory=tmp_path / "a")
    fig_b = make(tmp_path / "b", directory=tmp_path / "b")
    for fmt, path in fig_a.files(tmp_path / "a").items():
        assert path.read_bytes() == fig_b.files(tmp_path / "b")[fmt].read_bytes(), fmt
    assert fig_a.html() == fig_b.html()


def test_html_has_anchor_ids_alt_text_source_and_cite_block(tmp_path):
    html = make(tmp_path).html()
    assert 'id="figure-test-figure"' in html and 'id="chart-test-figure"' in html
    assert 'alt="A line."' in html and 'aria-label="A line."' in html
    assert "Source: Wikipedia contributors (n.d.), Industrialization in the Soviet Union, Section GOELRO." in html
    assert '<details class="sovind-cite">' in html and "@misc{sovind-test-figure," in html
    assert html.count('<span class="sovind-fignum" data-figure-id="test-figure">?</span>') == 2
    for ext in ("svg", "png", "csv"):
        assert f'href="../_static/figures/test-figure.{ext}"' in html


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"id": "Bad Id"}, "lower-case words"),
    ({"alt_text": "  "}, "needs alt text"),
])
def test_publish_rejects_bad_metadata(tmp_path, kwargs, message):
    with pytest.raises(ValueError, match=message):
        make(tmp_path, **kwargs)


def test_every_plotted_row_needs_a_source(tmp_path):
    with pytest.raises(ValueError, match="source"):
        publish(chart(DATA.drop(columns="source")), id="x", title="T", alt_text="A.", directory=tmp_path)


def test_derived_rows_are_named_as_computed(tmp_path):
    derived = pd.DataFrame({"year": [1920], "value": [5.0], "derived": ["midpoint of the sourced values"]})
    layered = alt.layer(chart(), chart(derived))
    figure = publish(layered, id="derived-figure", title="T", alt_text="A.", directory=tmp_path)
    assert figure.source_line.endswith("Computed by the book: midpoint of the sourced values.")
    assert figure.source_line.startswith("Source: Wikipedia contributors")


def test_a_figure_of_derived_rows_only_is_refused(tmp_path):
    derived = pd.DataFrame({"year": [1920], "value": [5.0], "derived": ["something"]})
    with pytest.raises(ValueError, match="source"):
        publish(chart(derived), id="x", title="T", alt_text="A.", directory=tmp_path)
