"""LLM answer mode: a chat model writes the answer from numbered passages; the citation check then
removes marks to passages that do not exist, flags unsupported sentences, and turns an answer with no
supported sentence into a refusal.

The passages go into the prompt as untrusted data between delimiters, after the instructions, and the
system prompt says that text there is never an instruction. The check is the real guard: whatever the
model writes, only sentences the cited passages support make an answer.
"""

from __future__ import annotations

import functools
import re
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, SystemMessage

from assistant.text import features
from assistant.answer.quotes import check_quotes
from assistant.answer.prompts import PromptTemplate, load_prompt, packaged_prompt
from assistant.answer.support import Tokenize, Translate, check_answer, remove_invalid_citations, strip_marks
from assistant.text.vocabulary import is_refusal, phrases
from assistant.core.errors import ConfigurationError, LLMUnavailableError
from assistant.text.question import Question
from assistant.core.model import Answer, Language, Passage
from assistant.core.settings import LLMSettings

ANSWER_PROMPT = "answer_v2.txt"
REWRITE_PROMPT = "rewrite_v1.txt"
_DELIMITER_RE = re.compile(r"<{3,}|>{3,}")  # a passage must not be able to close the data block
_HISTORY_ANSWER_CHARS = 600
History = Sequence[tuple[str, str]] | None  # earlier (question, answer) turns of the conversation
_OLLAMA_DEFAULT_URL = "http://localhost:11434"
_OPENAI_DEFAULT_URL = "https://api.openai.com/v1"


# --- building the chat model ------------------------------------------------------------------
def build_chat_model(settings: LLMSettings) -> BaseChatModel:
    """The chat model IMVO_LLM names ('provider:model'), pointed at IMVO_LLM_BASE_URL when set."""
    from langchain.chat_models import init_chat_model

    spec = (settings.llm or "").strip()
    if not spec:
        raise ConfigurationError(
            "IMVO_LLM is not set: set it to 'provider:model' (e.g. IMVO_LLM=ollama:llama3.1, or "
            "IMVO_LLM=openai:<model> with IMVO_LLM_BASE_URL for vLLM / llama.cpp), or use IMVO_ANSWER_MODE=extractive"
        )
    provider, _, model = spec.partition(":")
    provider = provider.strip().lower()
    model = model.strip()
    if not provider or not model:
        raise ConfigurationError(
            f"IMVO_LLM={spec!r} must be 'provider:model', e.g. 'ollama:llama3.1' or 'openai:qwen2.5-7b-instruct'"
        )
    base_url = settings.llm_base_url or None
    api_key = settings.llm_api_key.get_secret_value() if settings.llm_api_key else None
    kwargs: dict[str, Any] = {"temperature": settings.llm_temperature}
    if provider == "ollama":
        if base_url:
            kwargs["base_url"] = base_url
        kwargs["client_kwargs"] = {"timeout": settings.llm_timeout_s}
    else:
        if base_url:
            kwargs["base_url"] = base_url
        if api_key:
            kwargs["api_key"] = api_key
        elif base_url and provider == "openai":
            kwargs["api_key"] = "not-needed"  # local OpenAI-compatible servers accept any key
        kwargs["timeout"] = settings.llm_timeout_s
        kwargs["max_retries"] = 1
    try:
        return init_chat_model(model, model_provider=provider, **kwargs)
    except ImportError as exc:
        raise ConfigurationError(f"IMVO_LLM={spec!r}: {exc}") from exc
    except ValueError as exc:
        raise ConfigurationError(
            f"IMVO_LLM={spec!r}: {exc}. Use 'ollama:<model>', or 'openai:<model>' with IMVO_LLM_BASE_URL "
            "for an OpenAI-compatible server"
        ) from exc
    except Exception as exc:  # e.g. the OpenAI client refusing to start without a key
        raise ConfigurationError(
            f"IMVO_LLM={spec!r}: the chat model could not be created ({exc}); for OpenAI set IMVO_LLM_API_KEY, "
            "for a local server set IMVO_LLM_BASE_URL"
        ) from exc


def server_url(chat_model: BaseChatModel) -> str:
    """Where the chat model sends its requests, for error messages."""
    url = getattr(chat_model, "base_url", None) or getattr(chat_model, "openai_api_base", None)
    if url:
        return str(url)
    name = type(chat_model).__name__
    if name == "ChatOllama":
        return _OLLAMA_DEFAULT_URL
    if name == "ChatOpenAI":
        return _OPENAI_DEFAULT_URL
    return f"the server of {name}"


@functools.cache
def _transport_errors() -> tuple[type[BaseException], ...]:
    """Exception types that mean "the server could not be used", from the clients that are installed."""
    errors: list[type[BaseException]] = [ConnectionError, TimeoutError]
    try:
        import httpx

        errors.append(httpx.HTTPError)
    except ImportError:
        pass
    try:
        import openai

        errors.extend([openai.APIConnectionError, openai.APIStatusError])
    except ImportError:
        pass
    try:
        import ollama

        errors.append(ollama.ResponseError)
    except ImportError:
        pass
    return tuple(errors)


def _unavailable(exc: BaseException, chat_model: BaseChatModel) -> LLMUnavailableError:
    url = server_url(chat_model)
    model = getattr(chat_model, "model", None) or getattr(chat_model, "model_name", None) or "<model>"
    if type(chat_model).__name__ == "ChatOllama":
        hint = f"is `ollama serve` running, and is the model pulled (`ollama pull {model}`)?"
    else:
        hint = f"is the server running and serving model {model!r}, and are IMVO_LLM_BASE_URL / IMVO_LLM_API_KEY right?"
    return LLMUnavailableError(
        f"the LLM server at {url} did not answer ({type(exc).__name__}: {exc}): {hint} "
        "Or use IMVO_ANSWER_MODE=extractive to answer without an LLM."
    )


def _call(chat_model: BaseChatModel, fn: Callable[[], Any]) -> Any:
    try:
        return fn()
    except _transport_errors() as exc:
        raise _unavailable(exc, chat_model) from exc


def _message_text(message: BaseMessage) -> str:
    return str(message.text)


# --- answering ------------------------------------------------------------------------------
class AnswerStream:
    """Tokens as the model writes them, then the checked answer.

    Iterate it (or `tokens()`) to show the text while it arrives; `result()` returns the Answer after
    the citation check (draining the stream first if needed). `answer` is None until then.
    """

    def __init__(self, chunks: Iterator[str], finish: Callable[[str, float], Answer], chat_model: BaseChatModel):
        self._chunks = iter(chunks)
        self._finish = finish
        self._chat_model = chat_model
        self._parts: list[str] = []
        self._started = False
        self._started_at = 0.0
        self.answer: Answer | None = None

    def __iter__(self) -> Iterator[str]:
        return self.tokens()

    def tokens(self) -> Iterator[str]:
        """The text chunks as they arrive; a second call yields nothing."""
        if self._started:
            return iter(())
        return self._pull()

    def result(self) -> Answer:
        """The checked answer; reads whatever the model has not sent yet first."""
        if self.answer is None:
            for _ in self._pull():
                pass
        assert self.answer is not None
        return self.answer

    def _pull(self) -> Iterator[str]:
        if not self._started:
            self._started, self._started_at = True, time.perf_counter()
        try:
            for chunk in self._chunks:
                if chunk:
                    self._parts.append(chunk)
                    yield chunk
        except _transport_errors() as exc:
            raise _unavailable(exc, self._chat_model) from exc
        if self.answer is None:
            elapsed = (time.perf_counter() - self._started_at) * 1000
            self.answer = self._finish("".join(self._parts), elapsed)


class LLMAnswerer:
    def __init__(
        self,
        chat_model: BaseChatModel,
        tokenize: Tokenize,
        *,
        support_threshold: float,
        prompt_path: Path | None = None,
        model_name: str | None = None,
        translate: Translate | None = None,
        max_history_turns: int = 3,
    ) -> None:
        """`translate` (English words → Dutch words) lets English answers be checked against Dutch passages."""
        self.chat_model = chat_model
        self.tokenize = tokenize
        self.support_threshold = support_threshold
        self.prompt: PromptTemplate = load_prompt(prompt_path or packaged_prompt(ANSWER_PROMPT))
        self.model_name = model_name
        self.translate = translate
        self.max_history_turns = max_history_turns

    @property
    def prompt_version(self) -> str:
        return self.prompt.version

    def messages(
        self,
        question: str,
        passages: Sequence[Passage],
        language: Language,
        history: Sequence[tuple[str, str]] | None = None,
    ) -> list[BaseMessage]:
        words = phrases(language)
        system, user = self.prompt.render(
            language_name=words.language_name,
            refusal=words.refusal,
            n_passages=str(len(passages)),
            documents=format_passages(passages),
            question=" ".join(question.split()),
        )
        messages: list[BaseMessage] = [SystemMessage(content=system)]
        for past_question, past_answer in list(history or [])[-self.max_history_turns :]:
            # earlier [n] marks pointed at other passages: drop them so they cannot be reused
            messages.append(HumanMessage(content=past_question))
            messages.append(AIMessage(content=strip_marks(past_answer)[:_HISTORY_ANSWER_CHARS]))
        messages.append(HumanMessage(content=user))
        return messages

    def _request(
        self, analysed: Question, passages: list[Passage], history: History
    ) -> tuple[list[BaseMessage], Answer | None]:
        """The messages to send; without passages, the refusal to give instead (answer and stream alike)."""
        if not passages:
            return [], self._refusal(analysed.text, passages, analysed.language, [], {})
        return self.messages(analysed.text, passages, analysed.language, history), None

    def answer(self, analysed: Question, passages: list[Passage], history: History = None) -> Answer:
        messages, refusal = self._request(analysed, passages, history)
        if refusal is not None:
            return refusal
        question, language = analysed.text, analysed.language
        started = time.perf_counter()
        reply = _call(self.chat_model, lambda: self.chat_model.invoke(messages))
        generate_ms = (time.perf_counter() - started) * 1000
        return self.finish(question, passages, language, _message_text(reply), generate_ms)

    def stream(self, analysed: Question, passages: list[Passage], history: History = None) -> AnswerStream:
        messages, refusal = self._request(analysed, passages, history)
        if refusal is not None:
            return AnswerStream(iter([refusal.text]), lambda _text, _ms: refusal, self.chat_model)
        question, language = analysed.text, analysed.language

        def chunks() -> Iterator[str]:
            for chunk in self.chat_model.stream(messages):
                yield _message_text(chunk)

        return AnswerStream(
            chunks(), lambda text, ms: self.finish(question, passages, language, text, ms), self.chat_model
        )

    def finish(
        self, question: str, passages: list[Passage], language: Language, raw: str, generate_ms: float
    ) -> Answer:
        """The checked Answer for the model's raw text."""
        started = time.perf_counter()
        quotes = check_quotes(raw.strip(), passages)
        text = remove_invalid_citations(quotes.text, len(passages))
        translate = self.translate if language == "en" else None
        sentences, citations = check_answer(text, passages, self.tokenize, self.support_threshold, translate)
        for sentence in sentences:
            if features.squash(sentence.text) in quotes.failed:
                sentence.supported = False  # its quote is not in the passage it cites
        cited_by_supported = {n for s in sentences if s.supported for n in s.citations}
        for citation in citations:
            citation.supported = citation.supported and citation.n in cited_by_supported
        timings = {"generate": generate_ms, "check": (time.perf_counter() - started) * 1000}
        if not any(s.supported for s in sentences) or (is_refusal(text) and not citations):
            # nothing the passages back up (or the model said so itself): refuse, keep the check results
            return self._refusal(question, passages, language, sentences, timings)
        return Answer.cited(question, text, "llm", language, sentences, citations, passages,
                            model=self.model_name, prompt_version=self.prompt.version, timings_ms=timings)

    def _refusal(
        self,
        question: str,
        passages: Sequence[Passage],
        language: Language,
        sentences: list,
        timings: dict[str, float],
    ) -> Answer:
        return Answer(
            question=question,
            text=phrases(language).refusal,
            answered=False,
            mode="llm",
            language=language,
            sentences=sentences,
            passages=list(passages),
            model=self.model_name,
            prompt_version=self.prompt.version,
            timings_ms=timings,
        )


def format_passages(passages: Sequence[Passage]) -> str:
    """Numbered passages with title, date and page, their text stripped of anything like a delimiter."""
    blocks = []
    for n, p in enumerate(passages, start=1):
        facts = [f"title: {p.title}"]
        if p.date:
            facts.append(f"date: {p.date}")
        facts.append(f"page: {p.page_label or p.page}")
        if p.heading:
            facts.append(f"section: {p.heading}")
        header = _DELIMITER_RE.sub(" ", f"[{n}] " + " | ".join(facts))
        body = _DELIMITER_RE.sub(" ", p.text.strip())
        blocks.append(f"{header}\n{body}")
    return "\n\n".join(blocks)


# --- follow-up questions ----------------------------------------------------------------------
def rewrite_followup(
    chat_model: BaseChatModel,
    history: Sequence[tuple[str, str]],
    question: str,
    *,
    prompt_path: Path | None = None,
    max_turns: int = 3,
) -> str:
    """The follow-up `question` rewritten by the LLM into a standalone question (unchanged without history)."""
    if not history:
        return question
    prompt = load_prompt(prompt_path or packaged_prompt(REWRITE_PROMPT))
    turns = []
    for past_question, past_answer in list(history)[-max_turns:]:
        answer = " ".join(strip_marks(past_answer).split())[:_HISTORY_ANSWER_CHARS]
        turns.append(f"Q: {' '.join(past_question.split())}\nA: {answer}")
    system, user = prompt.render(history="\n\n".join(turns), question=" ".join(question.split()))
    reply = _call(chat_model, lambda: chat_model.invoke([SystemMessage(content=system), HumanMessage(content=user)]))
    return _clean_rewrite(_message_text(reply), question)


def _clean_rewrite(reply: str, question: str) -> str:
    lines = [line.strip() for line in reply.strip().splitlines() if line.strip()]
    if not lines:
        return question
    text = re.sub(r"^(?:standalone question|zelfstandige vraag|vraag|question)\s*:\s*", "", lines[0], flags=re.I)
    text = text.strip().strip("\"'“”‘’").strip()
    if not text or len(text) > 3 * len(question) + 200:
        return question  # an answer or an essay instead of a question
    return text
