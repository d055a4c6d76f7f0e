"""One step per clean dataset, each in a module named after the dataset.

A step reads raw transcriptions (:func:`sovind.data.raw.read_raw`), picks the rows
it needs by their printed labels, harmonises units and periods, and returns
rows for the clean table. The table's schema and description live beside the
data, in ``data/meta/<dataset>.yaml``.
"""

#: The clean datasets, in the order they are built and listed.
STEPS = (
    "electricity_generation",
    "power_capacity",
    "plan_targets",
    "power_stations",
    "industrial_output",
    "fyp1_investment",
    "fyp1_reported_rates",
    "evacuated_enterprises",
    "evacuated_people",
    "occupied_shares",
    "evacuation_logistics",
    "eastern_industry",
    "wartime_indexes",
    "census_population",
    "city_population",
    "urban_labour",
    "annual_series",
    "census_counts",
    "census_republics",
    "excluded_values",
    "gross_industrial_output",
    "conflicts",
)
