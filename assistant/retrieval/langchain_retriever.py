"""The hybrid retriever as a LangChain `BaseRetriever`, for chains and other LangChain code."""

from __future__ import annotations

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from assistant.core.model import Passage
from assistant.retrieval.filters import SearchFilters
from assistant.retrieval.hybrid import PassageRetriever


def passage_to_document(passage: Passage) -> Document:
    metadata = passage.to_dict()
    text = metadata.pop("text")
    metadata["kamerstuk_refs"] = ", ".join(passage.kamerstuk_refs)
    return Document(page_content=text, metadata=metadata, id=passage.chunk_id)


class ImvoRetriever(BaseRetriever):
    model_config = ConfigDict(arbitrary_types_allowed=True)

    searcher: PassageRetriever  # checked by pydantic as an instance of the (runtime-checkable) protocol
    k: int = 5
    filters: SearchFilters | None = None

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
        result = self.searcher.search(query, k=self.k, filters=self.filters)
        return [passage_to_document(p) for p in result.passages]
