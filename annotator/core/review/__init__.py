"""The review model: an annotator's session over an article's claims, and the
rules of what a claim is (key, unattributed, which annotation an edit updates).
The GUI's workspace, claim panel and claims list are views over it."""

from annotator.core.review.claims import (
    CLAIM_FILTERS,
    Claim,
    ClaimState,
    annotation_claim_key,
    annotation_from_suggestion,
    claim_key,
    merge_claims,
    suggested_unattributed,
)
from annotator.core.review.progress import Progress, tally
from annotator.core.review.session import ReviewSession, Step

__all__ = ["CLAIM_FILTERS", "Claim", "ClaimState", "Progress", "ReviewSession", "Step", "annotation_claim_key",
           "annotation_from_suggestion", "claim_key", "merge_claims", "suggested_unattributed",
           "tally"]
