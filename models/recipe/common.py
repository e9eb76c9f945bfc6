"""Shared pieces of the tacha-ner-es recipe: label set, the BERT-style
pre-tokenizer with character offsets and a WordPiece encoder.

The pre-tokenizer mirrors HF `BertNormalizer(clean_text, handle_chinese_chars,
lowercase=False, strip_accents=False)` + `BertPreTokenizer`, and is mirrored
in turn by `src/detect/ner/align.ts` at run time: change one, change both.
"""
import os
import unicodedata

LABELS = ["O", "B-PERSONA", "I-PERSONA", "B-LUGAR", "I-LUGAR", "B-DIRECCION", "I-DIRECCION"]
L2I = {l: i for i, l in enumerate(LABELS)}
ENTITY_TYPES = ["PERSONA", "LUGAR", "DIRECCION"]

MAX_LEN = 256            # model max length (incl. [CLS] and [SEP])
WINDOW = MAX_LEN - 2     # content tokens per window
STRIDE = 192             # window step at inference and in training windows
SPECIALS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]

HERE = os.path.dirname(os.path.abspath(__file__))
MODELS = os.path.dirname(HERE)
REPO = os.path.dirname(MODELS)
DATA = os.environ.get("TACHA_DATA", os.path.join(os.path.dirname(REPO), "shared", "data"))


def is_whitespace(c):
    return c in " \t\n\r" or unicodedata.category(c) == "Zs"


def is_control(c):
    if c in "\t\n\r":
        return False
    return unicodedata.category(c) in ("Cc", "Cf", "Co", "Cs")


def is_punct(c):
    cp = ord(c)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(c).startswith("P")


def is_cjk(cp):
    return (0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0x20000 <= cp <= 0x2A6DF
            or 0x2A700 <= cp <= 0x2B73F or 0x2B740 <= cp <= 0x2B81F or 0x2B820 <= cp <= 0x2CEAF
            or 0xF900 <= cp <= 0xFAFF or 0x2F800 <= cp <= 0x2FA1F)


def pretokenize(text):
    """Words as (start, end, normalised_word) with code-point offsets into text.
    Removed characters (NUL, U+FFFD, controls) are skipped but do not split words."""
    out = []
    cur = []  # normalised chars
    start = -1
    end = -1

    def flush():
        nonlocal cur, start
        if cur:
            out.append((start, end, "".join(cur)))
        cur = []
        start = -1

    for i, c in enumerate(text):
        cp = ord(c)
        if cp == 0 or cp == 0xFFFD or is_control(c):
            continue
        if is_whitespace(c):
            flush()
            continue
        if is_punct(c) or is_cjk(cp):
            flush()
            out.append((i, i + 1, c))
            continue
        if not cur:
            start = i
        cur.append(c)
        end = i + 1
    flush()
    return out


class WordPiece:
    def __init__(self, vocab):
        self.vocab = vocab  # token -> id
        self.unk = vocab["[UNK]"]
        self.cache = {}

    def pieces(self, word):
        """List of (piece_token, n_chars) or [("[UNK]", len(word))]."""
        r = self.cache.get(word)
        if r is not None:
            return r
        if len(word) > 100:
            r = [("[UNK]", len(word))]
        else:
            r = []
            s = 0
            n = len(word)
            while s < n:
                e = n
                found = None
                while s < e:
                    sub = word[s:e]
                    if s > 0:
                        sub = "##" + sub
                    if sub in self.vocab:
                        found = sub
                        break
                    e -= 1
                if found is None:
                    r = [("[UNK]", n)]
                    break
                r.append((found, e - s))
                s = e
        if len(self.cache) < 500000:
            self.cache[word] = r
        return r

    def encode_words(self, words):
        """-> ids, word_index per token."""
        ids, widx = [], []
        for k, (_, _, w) in enumerate(words):
            for p, _ in self.pieces(w):
                ids.append(self.vocab.get(p, self.unk))
                widx.append(k)
        return ids, widx


def load_vocab(path):
    import json
    with open(path, encoding="utf-8") as f:
        tj = json.load(f)
    return tj["model"]["vocab"]


def windows(n, window=WINDOW, stride=STRIDE):
    """Start offsets of windows covering n tokens; each token is later read
    from the window where it is most central."""
    if n <= window:
        return [0]
    starts = list(range(0, n - window, stride))
    starts.append(n - window)
    return starts
