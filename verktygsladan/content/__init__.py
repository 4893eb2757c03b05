"""Reading, validating and modelling the method content under methods/.

Plain Python with no MkDocs import, so the content model outlives the
current site generator.
"""

from .errors import ContentInvalid, Problem, Report
from .library import Handbook, load_handbook, next_review
from .schema import Method

__all__ = ["ContentInvalid", "Handbook", "Method", "Problem", "Report", "load_handbook", "next_review"]
