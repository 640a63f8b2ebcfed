"""Deterministic test images: random, mixed (zeros, text-like, random) and all-zero."""
import itertools
import os
import random

from .units import MIB

_SEED = 20240601
_VOCABULARY_SIZE = 4000
# Text is generated once and repeated: zstd compresses each 32 KiB page on its own, so repeating a block much
# larger than a page compresses exactly like fresh text.
_TEXT_BLOCK_BYTES = 8 * MIB
_WORDS_PER_LINE = 11


def write_random_image(path: str, size: int) -> None:
    generator = random.Random(_SEED)
    with open(path, "wb") as image:
        for _ in range(size // MIB):
            image.write(generator.randbytes(MIB))


def write_mixed_image(path: str, size: int) -> None:
    """Stripes of 1 MiB cycling zeros (left as file holes), text-like data and random data: a third of each,
    spread so that every 128 MiB directory holds all three kinds."""
    generator = random.Random(_SEED + 1)
    text = _text_like_block(generator)
    with open(path, "wb") as image:
        for stripe in range(size // MIB):
            kind = stripe % 3
            if kind == 0:
                image.seek(MIB, os.SEEK_CUR)
            elif kind == 1:
                offset = (stripe * MIB) % _TEXT_BLOCK_BYTES
                image.write(text[offset:offset + MIB])
            else:
                image.write(generator.randbytes(MIB))
        image.truncate(size)


def write_zero_image(path: str, size: int) -> None:
    """A file that is one hole: nbdcopy sees no data and zeroes (and so frees) the whole destination."""
    with open(path, "wb") as image:
        image.truncate(size)


def _text_like_block(generator: random.Random) -> bytes:
    letters = "etaoinshrdlucmfwypvbgkjqxz"
    weights = list(range(len(letters), 0, -1))
    vocabulary = [
        "".join(generator.choices(letters, weights, k=generator.randint(2, 11)))
        for _ in range(_VOCABULARY_SIZE)
    ]
    # Word frequencies fall off like natural language (Zipf), so the text compresses like prose or logs.
    zipf_cumulative = list(itertools.accumulate(1.0 / rank for rank in range(1, _VOCABULARY_SIZE + 1)))
    words = generator.choices(vocabulary, cum_weights=zipf_cumulative, k=_TEXT_BLOCK_BYTES // 6)
    for position in range(_WORDS_PER_LINE, len(words), _WORDS_PER_LINE):
        words[position] = words[position] + ".\n"
    text = " ".join(words).encode("ascii")
    while len(text) < _TEXT_BLOCK_BYTES:
        text += text
    return text[:_TEXT_BLOCK_BYTES]
