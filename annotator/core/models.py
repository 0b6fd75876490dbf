"""The domain model: plain dataclasses shared by the store, the highlighter,
the exporters, the CLI and the GUI. No Qt, no SQL here.

Offsets are Python string indices (code points) into ``Article.text``,
end exclusive.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, replace
from typing import Any

from annotator.core.storage.status import status_of


class Attribution(str, enum.Enum):
    """How a claim is tied to its source."""

    DIRECT_QUOTE = "direct_quote"
    INDIRECT = "indirect"
    ACCORDING_TO = "according_to"
    REPORTED = "reported"
    UNATTRIBUTED = "unattributed"


class Decision(str, enum.Enum):
    ACCEPT = "accept"
    REJECT = "reject"


class SourceType(str, enum.Enum):
    PERSON = "person"  # person / official
    GOVERNMENT = "government"
    MILITARY = "military"
    INTELLIGENCE = "intelligence"
    INTERNATIONAL_ORG = "international_org"
    EXPERT = "expert"  # expert / analyst
    MEDIA = "media"
    DOCUMENT = "document"  # document / imagery
    ANONYMOUS = "anonymous"  # anonymous / vague


SOURCE_TYPE_LABELS = {
    SourceType.PERSON: "Person / official",
    SourceType.GOVERNMENT: "Government",
    SourceType.MILITARY: "Military",
    SourceType.INTELLIGENCE: "Intelligence service",
    SourceType.INTERNATIONAL_ORG: "International organisation",
    SourceType.EXPERT: "Expert / analyst",
    SourceType.MEDIA: "Media",
    SourceType.DOCUMENT: "Document / imagery",
    SourceType.ANONYMOUS: "Anonymous / vague",
}

# NATO Admiralty scale (STANAG 2511 / AJP-2.1).
# A claim's review mark (issue 18), in the order the flag key cycles them;
# Prodigy's "ignore" is "skipped". The database's CHECK lists the same names.
FLAGS = ("flagged", "unsure", "skipped")

RELIABILITY_GRADES = {
    "A": "Completely reliable: no doubt of authenticity, trustworthiness or "
    "competency; a history of complete reliability",
    "B": "Usually reliable: minor doubt; a history of valid information most of the time",
    "C": "Fairly reliable: doubt; provided valid information in the past",
    "D": "Not usually reliable: significant doubt; provided valid information in the past",
    "E": "Unreliable: lacking in authenticity, trustworthiness and competency; "
    "a history of invalid information",
    "F": "Reliability cannot be judged: no basis exists for evaluating the source",
}
CREDIBILITY_GRADES = {
    1: "Confirmed by other sources: logical in itself, consistent with other "
    "information on the subject",
    2: "Probably true: not confirmed; logical in itself; consistent with other "
    "information on the subject",
    3: "Possibly true: not confirmed; reasonably logical in itself; agrees with "
    "some other information on the subject",
    4: "Doubtful: not confirmed; possible but not logical; no other information on the subject",
    5: "Improbable: not confirmed; not logical in itself; contradicted by other information",
    6: "Truth cannot be judged: no basis exists for evaluating the validity of the information",
}


@dataclass(frozen=True)
class Span:
    """A half-open character range [start, end) into an article's text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"invalid span {self.start}..{self.end}")

    def text(self, of: str) -> str:
        return of[self.start : self.end]


@dataclass
class NewArticle:
    """An article as read from an input file, before it is stored."""

    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    language: str = "de"
    external_id: str | None = None
    source_file: str | None = None
    source_line: int | None = None
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class Article(NewArticle):
    id: str = ""
    seq: int = 0
    imported_at: str = ""


@dataclass
class ArticleSummary:
    """One row of the article list: enough to show it, not its text."""

    id: str
    seq: int
    title: str
    outlet: str | None
    published: str | None
    claims_total: int
    claims_reviewed: int
    checked: bool = False  # "checked, nothing to mark" by this reviewer

    @property
    def status(self) -> str:
        return status_of(self.claims_reviewed, self.claims_total, self.checked)


@dataclass
class ClaimSuggestion:
    """A claim proposed by the pre-highlighter (no human has judged it)."""

    start: int
    end: int
    source: Span | None = None
    cue: Span | None = None
    attribution: Attribution = Attribution.UNATTRIBUTED
    hedged: bool = False
    score: float = 0.0
    # Set by the store:
    id: int | None = None
    article_id: str | None = None
    pipeline: str | None = None
    pipeline_version: str | None = None


@dataclass
class Annotation:
    """One annotator's judgement of one claim.

    ``suggestion_id`` links it to the suggestion it reviews; claims added by
    hand have none. ``unattributed`` marks a claim the reviewer says has no
    source (``source`` is then None).
    """

    article_id: str
    annotator: str
    decision: Decision
    start: int
    end: int
    source: Span | None = None
    cue: Span | None = None
    unattributed: bool = False
    source_type: SourceType | None = None
    reliability: str | None = None  # A-F
    credibility: int | None = None  # 1-6
    attribution: Attribution | None = None
    hedged: bool = False
    note: str = ""
    flag: str | None = None  # one of FLAGS: a mark for later, not a judgement
    suggestion_id: int | None = None
    # Set by the store:
    id: str | None = None
    revision: int = 0
    created_at: str | None = None
    updated_at: str | None = None
    origin_db: str | None = None

    def validate(self, text_length: int | None = None) -> None:
        """Raise ValueError when a field is outside its domain."""
        if self.reliability is not None and self.reliability not in RELIABILITY_GRADES:
            raise ValueError(f"source reliability must be A-F, not {self.reliability!r}")
        if self.credibility is not None and self.credibility not in CREDIBILITY_GRADES:
            raise ValueError(f"information credibility must be 1-6, not {self.credibility!r}")
        Span(self.start, self.end)
        if text_length is not None:
            for span in (Span(self.start, self.end), self.source, self.cue):
                if span is not None and span.end > text_length:
                    raise ValueError(f"span {span.start}..{span.end} is past the text's end")
        if self.unattributed and self.source is not None:
            raise ValueError("an unattributed claim has no source span")
        if self.flag is not None and self.flag not in FLAGS:
            raise ValueError(f"flag must be one of {', '.join(FLAGS)}, not {self.flag!r}")

    def evolve(self, **changes: Any) -> Annotation:
        return replace(self, **changes)


@dataclass
class LogEntry:
    """One row of the append-only annotation change log."""

    seq: int
    annotation_id: str
    annotator: str
    at: str
    action: str  # create | update | delete
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    db_uuid: str


# The project lead's final versions (adjudication) are stored as the
# annotations of this reserved annotator name; "@" never starts a person's name.
ADJUDICATED_LAYER = "@adjudicated"


def check_annotator_name(name: str) -> str:
    """A person's annotator name, stripped; reserved or empty names are refused."""
    name = name.strip()
    if not name:
        raise ValueError("annotator name is empty")
    if name.startswith("@"):
        raise ValueError("annotator names starting with '@' are reserved")
    return name
