"""The data layer: raw transcriptions → clean tables → validated loading.

:mod:`~sovind.data.raw` reads ``data/raw``; one step per dataset in
:mod:`~sovind.data.steps` picks and harmonises rows (:mod:`~sovind.data.units`,
:mod:`~sovind.data.periods`); :mod:`~sovind.data.build` writes ``data/clean`` and
``data/datapackage.json`` all-or-nothing; :mod:`~sovind.data.load` reads a clean
table back, validated against its schema and hash.
"""
