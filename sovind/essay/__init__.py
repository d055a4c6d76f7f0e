"""The essay layer: declarations, the run context, shared analysis and charts, execution and reruns.

An essay (``book/essays/<name>.md``) declares its parameters in its front matter
(:mod:`~sovind.essay.declaration`) and runs through one context object,
``run = sovind.essay.open(name, parameters)`` (:mod:`~sovind.essay.run`).
:mod:`~sovind.essay.execute` runs the text with papermill, :mod:`~sovind.essay.rebuild`
decides which essays need it, and :mod:`~sovind.essay.rerun` reports what a
change of assumptions changes.
"""

from sovind.essay.run import Run, open  # noqa: A004

__all__ = ["Run", "open"]
