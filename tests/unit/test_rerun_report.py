"""The rerun report: a figure the published essay does not have yet is shown alone, not as a broken picture."""

from sovind.essay.rerun import report


def test_a_figure_new_since_publication_is_reported_as_new():
    markdown, page = report("evacuation", {"people_estimate": "manley"}, [("n_people", "9", "10")],
                            [("evacuation-eastern-share", "", "pictures/evacuation-eastern-share.svg"),
                             ("evacuation-people-estimates", "published/evacuation-people-estimates.svg",
                              "pictures/evacuation-people-estimates.svg")])
    assert "(not in the published essay)" in markdown and "Not in the published essay." in page
    assert 'src=""' not in markdown and 'src=""' not in page
    # A figure the published essay has is still shown beside the rerun's.
    assert markdown.count('alt="evacuation-people-estimates, published"') == 1
    assert page.count('src="published/evacuation-people-estimates.svg"') == 1
