"""Each essay's declaration, read from its front matter: the one place its parameters live."""

from pathlib import Path

import pytest

from sovind.errors import ParameterError
from sovind.essay.declaration import essays, parse_values, read_declaration, toc_chapters

TEXT = """---
kernelspec: {name: python3, display_name: Python 3, language: python}
sovind:
  title: A test essay
  parameters:
    variant:
      default: optimal
      help: which variant
      choices: [starting, optimal]
  scenarios:
    low: {variant: starting}
  figures: [test-one]
---

# Title
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "test.md"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_declaration_is_read_from_the_front_matter(tmp_path):
    declared = read_declaration(write(tmp_path, TEXT))
    assert (declared.name, declared.title, declared.figures) == ("test", "A test essay", ("test-one",))
    assert declared.defaults() == {"variant": "optimal"}
    assert declared.scenario("low") == {"variant": "starting"}
    with pytest.raises(ParameterError, match="no scenario 'high'; scenarios: low"):
        declared.scenario("high")


def test_the_declaration_hash_follows_the_declaration_not_the_prose(tmp_path):
    base = read_declaration(write(tmp_path, TEXT)).declaration_hash()
    assert read_declaration(write(tmp_path, TEXT + "More prose.\n")).declaration_hash() == base
    assert read_declaration(write(tmp_path, TEXT.replace("default: optimal", "default: starting"))
                            ).declaration_hash() != base


@pytest.mark.parametrize(("text", "message"), [
    ("# no front matter\n", "must start with YAML front matter"),
    ("---\ntitle: x\n", "not closed"),
    ("---\ntitle: x\n---\n", "no 'sovind:' declaration"),
    (TEXT.replace("      choices: [starting, optimal]\n", ""), "needs default, help and choices"),
])
def test_a_bad_declaration_names_the_file_and_the_problem(tmp_path, text, message):
    with pytest.raises(ParameterError, match=message) as caught:
        read_declaration(write(tmp_path, text))
    assert "test.md" in str(caught.value)


def test_the_essays_are_the_chapters_of_the_toc_that_have_a_text_in_book_essays():
    assert list(essays()) == ["longview", "goelro", "fyp1", "urbanisation", "evacuation"]
    assert [f"book/{name}" for name in essays()] == [c for c in toc_chapters() if c.startswith("book/")
                                                     and Path("book/essays", c.split("/")[1] + ".md").exists()]


def test_every_default_and_scenario_value_is_allowed():
    for declared in essays().values():
        for parameter in declared.parameters:
            assert parameter.check(parameter.default) == parameter.default
        for values in declared.scenarios.values():
            assert declared.check(values)


@pytest.mark.parametrize(("essay", "pairs", "expected"), [
    ("fyp1", [("base_year", "1913")], {"base_year": 1913}),
    ("urbanisation", [("include_1937", "True")], {"include_1937": True}),
    ("goelro", [("fyp_variant", "starting")], {"fyp_variant": "starting"}),
])
def test_command_line_values_are_parsed_to_the_parameter_type(essay, pairs, expected):
    assert parse_values(essay, pairs) == expected


@pytest.mark.parametrize("name", sorted(essays()))
def test_every_choice_of_every_parameter_has_a_name_of_its_own(name):
    # One source often gives several estimates (Yashin's three counts of people, two Wikipedia articles): the
    # reader choosing between them must be able to tell them apart, and no name may be cut mid-word.
    for parameter in essays()[name].parameters:
        names = list(parameter.option_names().values())
        assert len(names) == len(set(names)), (parameter.name, sorted(n for n in names if names.count(n) > 1))
        assert all(not n.endswith(("[", " ")) for n in names), names


def test_one_sources_estimates_are_told_apart_by_their_periods():
    people = essays()["evacuation"].parameter("people_estimate").option_names()
    assert people["yashin-jul-nov-1941"] == "Yashin (2008), in July–November 1941"
    assert people["yashin-whole-war"] == "Yashin (2008), over the years of the war"
