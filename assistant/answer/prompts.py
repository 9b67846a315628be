"""Versioned prompt files (assistant/prompts/*.txt): a system and a user part with {name} placeholders."""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from assistant.core.errors import ConfigurationError

_SECTION_RE = re.compile(r"^### (system|user)\s*$", re.MULTILINE)
_PLACEHOLDER_RE = re.compile(r"\{([a-z_]+)\}")


@dataclass(frozen=True)
class PromptTemplate:
    version: str  # the file name without .txt, e.g. "answer_v1"
    system: str
    user: str
    path: Path

    def render(self, **values: str) -> tuple[str, str]:
        """(system, user) with the placeholders filled in one pass, so a value that itself contains
        "{question}" (a passage can) is never substituted again."""
        return self._fill(self.system, values), self._fill(self.user, values)

    def _fill(self, text: str, values: dict[str, str]) -> str:
        def value(m: re.Match[str]) -> str:
            if m.group(1) not in values:
                raise ConfigurationError(f"{self.path}: placeholder {{{m.group(1)}}} has no value; fix the prompt file")
            return values[m.group(1)]

        return _PLACEHOLDER_RE.sub(value, text)


def packaged_prompt(name: str) -> Path:
    return Path(str(resources.files("assistant") / "prompts" / name))


def load_prompt(path: Path) -> PromptTemplate:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigurationError(f"cannot read the prompt file {path}: {exc.strerror}; check the path") from exc
    parts = _SECTION_RE.split(text)
    # parts: [header, "system", body, "user", body]
    sections = {parts[i]: parts[i + 1].strip() for i in range(1, len(parts) - 1, 2)}
    if set(sections) != {"system", "user"}:
        raise ConfigurationError(f"{path}: a prompt file needs a '### system' and a '### user' section")
    return PromptTemplate(version=path.stem, system=sections["system"], user=sections["user"], path=path)
