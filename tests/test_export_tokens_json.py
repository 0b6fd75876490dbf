"""The export's "tokens" field is written by a specialised writer
(``tokens.tokens_json``): its bytes must be json.dumps' own, for any text."""

from __future__ import annotations

import json
from array import array

from annotator.core.export.tokens import Tokens, spaces_of, tokenize, tokens_json

TEXTS = (
    'Der Sprecher sagte: "Wir kommen." Dann\tging er\n\nweg.',
    "Émile: 12.000 Soldaten 💥 – „zitiert“ \\ back\\slash \u2028 line\u0007bell",
    "   führende  Leerzeichen und   mehrere ",
    "x",
    "",
)


def _reference(text: str, tokens: Tokens) -> str:
    spaces = spaces_of(tokens.starts, tokens.ends, len(text))
    return json.dumps([{"text": text[s:e], "start": s, "end": e, "id": i, "ws": w}
                       for i, (s, e, w) in enumerate(zip(tokens.starts, tokens.ends, spaces))],
                      ensure_ascii=False, separators=(",", ":"))


def test_tokens_json_is_what_json_dumps_writes():
    for text, tokens in zip(TEXTS, tokenize(TEXTS)):
        assert tokens_json(text, tokens.starts, tokens.ends, None) == _reference(text, tokens), text
        assert tokens_json(text, tokens.starts, tokens.ends, tokens.spaces) == _reference(text, tokens), text
        packed = Tokens(array("i", tokens.starts), array("i", tokens.ends))  # as the workers send them
        assert packed.to_json(text) == _reference(text, tokens), text
