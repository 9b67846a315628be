"""Citation numbers as a reader expects them: 1, 2, 3 in the order the answer first uses them.

Answerers mark sentences with the retrieval rank of their passage ([3], [5]); a reader seeing only
[3] and [5] asks where 1, 2 and 4 went. After renumbering, `answer.passages[n - 1]` is the passage
cited as [n]: cited passages first in order of use, then the rest in retrieval order.
"""

from __future__ import annotations

from assistant.answer.support import MARK_RE, expand_mark
from assistant.core.model import Answer


def renumber_citations(answer: Answer) -> None:
    order: dict[int, int] = {}
    for m in MARK_RE.finditer(answer.text):
        for n in expand_mark(m.group(1)):
            if 1 <= n <= len(answer.passages) and n not in order:
                order[n] = len(order) + 1
    for citation in answer.citations:  # cited by a sentence whose marks the text lost: keep it reachable
        order.setdefault(citation.n, len(order) + 1)
    if not order or all(old == new for old, new in order.items()):
        return

    def new_marks(m) -> str:
        numbers = sorted(dict.fromkeys(order.get(n, n) for n in expand_mark(m.group(1))))
        return "[" + ", ".join(str(n) for n in numbers) + "]"

    answer.text = MARK_RE.sub(new_marks, answer.text)
    for sentence in answer.sentences:
        sentence.citations = sorted(order.get(n, n) for n in sentence.citations)
    for citation in answer.citations:
        citation.n = order[citation.n]
    answer.citations.sort(key=lambda c: c.n)
    cited = sorted(order, key=order.get)
    rest = [p for i, p in enumerate(answer.passages, start=1) if i not in order]
    answer.passages = [answer.passages[n - 1] for n in cited] + rest
