"""Tagging with crfsuite's linear-chain models, decoded in numpy on features summed per word.

python-crfsuite trains the NER models and stays their file format. For tagging, its Tagger
copies every feature string of every token into C++ and looks it up in the model there:
about 250 ns a string, 18 strings a token, more than the features cost to build (measured
on 600-word en/nl articles: 2.1 ms a document for the first pass alone). A token's features
come in groups a document repeats (a word's own features, a neighbour's), so this tagger
keeps the model's weights as a numpy table and adds each group's weights up once: a group
seen before is one dict lookup. Viterbi decoding then runs for all sentences of a
document at once. The labels are crfsuite's (``tests/analyze/test_crf.py``).

A feature *part* is one feature string or a tuple of them (a cached group).
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

Part = str | tuple[str, ...]

MAX_GROUPS = 200_000
"""Summed groups kept before the cache starts over (a group is 9 floats: ~15 MiB with the
dict; bigrams and rare words make the cache grow with every document)."""


LONG_SENTENCE = 96
CUT_WINDOW = 32
"""A sentence longer than LONG_SENTENCE tokens is decoded as chains of at most that many,
cut where two neighbouring tokens most clearly are no name (:meth:`ChainTagger._pieces`).
Decoding takes one numpy step per token position for all sentences at once, ~5 µs, as much
as crfsuite's whole tagging of a token; text without sentence punctuation makes "sentences"
of a thousand tokens. Each token keeps the features of its whole sentence; only the chain
is cut. On the 72 articles of ``benchmarks/realistic.py`` (seeds 1 and 2, 219,000 tokens)
the labels equal crfsuite's for 99.99% of tokens; on text of ordinary sentences they are
the same."""


Weighted = tuple[str, str, float]


def _read_model(path: Path) -> tuple[list[str], list[Weighted], list[Weighted]]:
    """A crfsuite model's labels, transitions (label, label, weight) and state features
    (attribute, label, weight), from the text dump crfsuite writes of it. Read directly:
    python-crfsuite's own parser (``Tagger.info``) takes 1 to 2 s for our larger models,
    this a fifth of that."""
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    labels = list(tagger.labels())
    with tempfile.TemporaryDirectory() as folder:
        dump = Path(folder) / "model.txt"
        tagger.dump(str(dump))
        tagger.close()
        text = dump.read_text(encoding="utf-8")
    sections: dict[str, list[Weighted]] = {"TRANSITIONS": [], "STATE_FEATURES": []}
    current: list[Weighted] | None = None
    for line in text.splitlines():
        if line.endswith(" = {"):
            current = sections.get(line[: -len(" = {")])
        elif line.startswith("}"):
            current = None
        elif current is not None and line:
            # "  (0) w=als --> O: 1.797428": feature type, attribute or label, label, weight
            pair, _, weight = line.partition(") ")[2].rpartition(": ")
            source, _, label = pair.rpartition(" --> ")
            current.append((source, label, float(weight)))
    return labels, sections["TRANSITIONS"], sections["STATE_FEATURES"]


class _Rows(dict[Part, int]):
    """Part → table row; a part not seen before is summed by ``new_row`` (hits stay in C)."""

    def __init__(self, new_row: Callable[[Part], int]) -> None:
        super().__init__()
        self.new_row = new_row

    def __missing__(self, part: Part) -> int:
        return self.new_row(part)


class ChainTagger:
    """A crfsuite model (first-order linear chain) read into numpy for fast tagging."""

    def __init__(self, path: Path) -> None:
        labels, transitions, features = _read_model(path)
        self._labels = labels
        label_index = {label: i for i, label in enumerate(labels)}
        self._attributes: dict[str, int] = {}
        for attribute, _, _ in features:
            self._attributes.setdefault(attribute, len(self._attributes) + 1)
        self._base = len(self._attributes) + 1  # row 0: no known feature
        weights = np.zeros((self._base, len(labels)))
        if features:
            rows = [self._attributes[attribute] for attribute, _, _ in features]
            columns = [label_index[label] for _, label, _ in features]
            weights[rows, columns] = [weight for _, _, weight in features]
        self._transitions = np.zeros((len(labels), len(labels)))
        for before, after, weight in transitions:
            self._transitions[label_index[before], label_index[after]] = weight
        self._start_table(weights)

    def _start_table(self, weights: np.ndarray) -> None:
        self._table = np.vstack([weights, np.zeros((max(1024, len(weights) // 4), weights.shape[1]))])
        self._size = self._base
        self._queued: list[int] = []
        self._queued_starts: list[int] = []
        self._rows = _Rows(self._new_row)
        self.row: Callable[[Part], int] = self._rows.__getitem__
        """The table row of a feature part's summed weights (0: no feature of it is known)."""
        self.memo: dict[str, tuple[int, ...]] = {}
        """Rows a caller keeps per word (forgotten with the table: they point into it)."""

    def labels(self) -> list[str]:
        return list(self._labels)

    def forget_if_full(self) -> None:
        """Start the cache of summed parts over when it holds MAX_GROUPS (between documents:
        rows handed out before stay valid until then)."""
        if len(self._rows) >= MAX_GROUPS:
            self._start_table(self._table[: self._base])

    def _new_row(self, part: Part) -> int:
        """The table row for a part not seen before (0: none known). A group's sum is only
        queued here and computed with the others of the document (:meth:`_flush`): one numpy
        call per group would cost more than the tagging saves."""
        if isinstance(part, str):
            found = self._attributes.get(part, 0)
        else:
            known = [self._attributes[feature] for feature in part if feature in self._attributes]
            found = known[0] if len(known) == 1 else 0
            if len(known) > 1:
                found = self._size
                self._size += 1
                self._queued_starts.append(len(self._queued))
                self._queued.extend(known)
        self._rows[part] = found
        return found

    def _flush(self) -> None:
        """Sum the groups queued by :meth:`_new_row` into their table rows."""
        if not self._queued_starts:
            return
        while self._size > len(self._table):
            self._table = np.vstack([self._table, np.zeros_like(self._table)])
        first = self._size - len(self._queued_starts)
        self._table[first : self._size] = np.add.reduceat(self._table[self._queued], self._queued_starts, axis=0)
        self._queued, self._queued_starts = [], []

    def emissions(self, rows: np.ndarray) -> np.ndarray:
        """Label scores of tokens, given per token (a row of ``rows``) the table rows of its
        parts."""
        self._flush()
        return self._table[rows].sum(axis=1)

    def decode(self, emissions: np.ndarray, lengths: Sequence[int]) -> list[list[str]]:
        """The labels of consecutive sentences of ``lengths`` tokens from their tokens'
        label scores."""
        pieces: list[int] = []  # lengths of the chains decoded
        owners: list[int] = []
        start = 0
        for sentence, length in enumerate(lengths):
            for piece in self._pieces(emissions[start : start + length]):
                pieces.append(piece)
                owners.append(sentence)
            start += length
        starts = np.concatenate([[0], np.cumsum(pieces)[:-1]]).astype(int).tolist()
        paths: list[list[str]] = [[] for _ in lengths]
        labels = self._labels
        for owner, path in zip(owners, self._viterbi(emissions, pieces, starts), strict=True):
            paths[owner].extend(labels[i] for i in path)
        return paths

    def _pieces(self, emissions: np.ndarray) -> list[int]:
        """The lengths of the chains one sentence is decoded in: a sentence longer than
        LONG_SENTENCE is cut, within the last CUT_WINDOW tokens of each stretch, between the
        two neighbouring tokens that most clearly score "O"."""
        count = len(emissions)
        if count <= LONG_SENTENCE:
            return [count] if count else []
        outside = self._labels.index("O") if "O" in self._labels else 0
        others = np.delete(emissions, outside, axis=1).max(axis=1)
        margin = emissions[:, outside] - others
        pair = np.minimum(margin[:-1], margin[1:])  # pair[i]: cutting between i and i + 1
        pieces, start = [], 0
        while count - start > LONG_SENTENCE:
            low = start + LONG_SENTENCE - CUT_WINDOW
            cut = low + int(pair[low - 1 : start + LONG_SENTENCE - 1].argmax())  # the new piece starts at cut
            pieces.append(cut - start)
            start = cut
        pieces.append(count - start)
        return pieces

    def tag(self, tokens: Sequence[Sequence[Part]]) -> list[str]:
        """The labels of one sentence (each token a sequence of feature parts)."""
        return self.tag_sentences([tokens])[0]

    def tag_sentences(self, sentences: Sequence[Sequence[Sequence[Part]]]) -> list[list[str]]:
        """The labels of each sentence (each token a sequence of feature parts)."""
        self.forget_if_full()
        row = self.row
        rows: list[int] = []
        starts: list[int] = []
        lengths = [len(tokens) for tokens in sentences]
        for tokens in sentences:
            for parts in tokens:
                starts.append(len(rows))
                rows.extend(map(row, parts) if parts else (0,))
        if not rows:
            return [[] for _ in sentences]
        self._flush()
        return self.decode(np.add.reduceat(self._table[rows], starts, axis=0), lengths)

    def _viterbi(self, emissions: np.ndarray, lengths: list[int], starts: list[int]) -> list[list[int]]:
        """Best label paths of all sentences at once: step t advances every sentence longer
        than t (sentences sorted longest first, so those are a prefix). A sentence of
        length 0 gets no path."""
        order = sorted((i for i, n in enumerate(lengths) if n), key=lambda i: -lengths[i])
        paths: list[list[int]] = [[] for _ in lengths]
        if not order:
            return paths
        sorted_lengths = np.array([lengths[i] for i in order])
        longest = int(sorted_lengths[0])
        active = (sorted_lengths[None, :] > np.arange(longest)[:, None]).sum(axis=1).tolist()
        # emissions by (position, sentence): row t holds token t of every sentence longer than t
        positions = np.concatenate([np.arange(lengths[i]) for i in order])
        ranks = np.repeat(np.arange(len(order)), sorted_lengths)
        tokens = np.concatenate([np.arange(starts[i], starts[i] + lengths[i]) for i in order])
        steps = np.zeros((longest, len(order), len(self._labels)))
        steps[positions, ranks] = emissions[tokens]
        score = steps[0].copy()
        back = np.zeros((longest, len(order), len(self._labels)), dtype=np.intp)
        candidates = np.empty((len(order), len(self._labels), len(self._labels)))
        best = np.empty((len(order), len(self._labels)))
        for t in range(1, longest):
            k = active[t]
            np.add(score[:k, :, None], self._transitions, out=candidates[:k])
            candidates[:k].argmax(axis=1, out=back[t, :k])
            candidates[:k].max(axis=1, out=best[:k])
            np.add(best[:k], steps[t, :k], out=score[:k])
        pointers = back.ravel().tolist()  # flat: [(t * sentences + rank) * labels + label]
        finals = score.argmax(axis=1).tolist()
        width = len(self._labels)
        stride = len(order) * width
        for rank, i in enumerate(order):
            label = finals[rank]
            path = [label]
            for t in range(lengths[i] - 1, 0, -1):
                label = pointers[t * stride + rank * width + label]
                path.append(label)
            path.reverse()
            paths[i] = path
        return paths
