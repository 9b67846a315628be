"""Motions & commitments register and timeline: pure logic over ingested passages.

    register = build_register(passages); register.open_items(); register.find("Smaling")
    answer_from_register("Welke moties staan nog open?", register, "nl")
    build_timeline(passages)
"""

from assistant.register.chat import answer_from_register
from assistant.register.register import Register, build_register
from assistant.core.model import RegisterItem
from assistant.register.timeline import build_timeline, load_timeline, save_timeline
from assistant.core.model import TimelineEvent

__all__ = [
    "Register",
    "RegisterItem",
    "TimelineEvent",
    "answer_from_register",
    "build_register",
    "build_timeline",
    "load_timeline",
    "save_timeline",
]
