"""Old name of :mod:`annotator.core.project`, kept so code written against it
(scripts, branches in flight) still imports. New code imports from
``annotator.core.project``."""

from annotator.core.project import STATUSES, Progress, Project  # noqa: F401
