import altair as alt
import pandas as pd
import pytest

from sovind.figures import publish

DATA = pd.DataFrame(
    {"year": [1913, 1932], "value": [2.0, 13.5], "source": ["wiki_industrialization"] * 2,
     "locator": ["Section GOELRO"] * 2}
)


def chart():
    return alt.Chart(DATA).mark_line().encode(x="year:Q", y="value:Q")


def test_publish_writes_all_formats_and_the_plotted_data(tmp_path):
    figure = publish(chart(), id="test-figure", title="T", alt_text="A line.", data=DATA, directory=tmp_path)
    files = figure.files(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in files.values())
    assert files["svg"].read_text().lstrip().startswith("<svg")
    assert files["png"].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert pd.read_csv(files["csv"]).equals(DATA)


def test_csv_equals_the_data_in_the_chart_spec(tmp_path):
    figure = publish(chart(), id="test-figure", title="T", alt_text="A line.", data=DATA, directory=tmp_path)
    (dataset,) = figure.spec["datasets"].values()
    assert pd.DataFrame(dataset).equals(pd.read_csv(figure.files(tmp_path)["csv"]))


def test_publish_is_byte_identical_on_rerun(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    fig_a = publish(chart(), id="test-figure", title="T", alt_text="A line.", data=DATA, directory=first)
    fig_b = publish(chart(), id="test-figure", title="T", alt_text="A line.", data=DATA, directory=second)
    for fmt, path in fig_a.files(first).items():
        assert path.read_bytes() == fig_b.files(second)[fmt].read_bytes(), fmt
    assert fig_a.html() == fig_b.html()


def test_html_ids_come_from_the_figure_id_and_name_the_sources(tmp_path):
    html = publish(chart(), id="test-figure", title="T", alt_text="A line.", data=DATA, directory=tmp_path).html()
    assert 'id="figure-test-figure"' in html and 'id="chart-test-figure"' in html
    assert 'alt="A line."' in html and 'aria-label="A line."' in html
    assert "Source: Wikipedia contributors (n.d.), Industrialization in the Soviet Union, Section GOELRO." in html


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"id": "Bad Id"}, "lower-case words"),
    ({"alt_text": "  "}, "needs alt text"),
])
def test_publish_rejects_bad_metadata(tmp_path, kwargs, message):
    args = {"id": "ok-id", "title": "T", "alt_text": "A line.", "data": DATA, "directory": tmp_path} | kwargs
    with pytest.raises(ValueError, match=message):
        publish(chart(), **args)


def test_every_plotted_row_needs_a_source(tmp_path):
    with pytest.raises(ValueError, match="source"):
        publish(chart(), id="x", title="T", alt_text="A.", data=DATA.drop(columns="source"), directory=tmp_path)
