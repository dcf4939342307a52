# Shared by the block-hashed float64 goldens (tensor_simd_exp_log.py, tensor_sincos.py): inputs drawn from
# MT19937 32-bit words (RandomState(seed).randint(0, 2**32, dtype=uint32) = the tensor core's
# MT19937.next32, so the tests rebuild them), hex bit patterns, and sha256 hashes of blocks of results
# (8 bytes little-endian each, every NaN as 0x7ff8000000000000: NumPy prints every NaN alike).
# The TypeScript side is test/unit/tensor/goldenBlocks.ts.
import hashlib, json, math, os, struct
import numpy as np


def from_bits(hi, lo):
    return struct.unpack('<d', struct.pack('<Q', (int(hi) << 32) | int(lo)))[0]


def hexbits(v):
    return format(struct.unpack('<Q', struct.pack('<d', v))[0], '016x')


class Words:
    def __init__(self, seed, count):
        self.w = np.random.RandomState(seed).randint(0, 2 ** 32, size=count, dtype=np.uint32).tolist()
        self.i = 0

    def next(self):
        self.i += 1
        return self.w[self.i - 1]

    def unit(self):  # NumPy's random_sample from two words
        a, b = self.next() >> 5, self.next() >> 6
        return (a * 67108864.0 + b) / 9007199254740992.0


def canon(v):
    return b'\x00\x00\x00\x00\x00\x00\xf8\x7f' if v != v else struct.pack('<d', v)


def block_hashes(ys, block):
    return [hashlib.sha256(b''.join(canon(v) for v in ys[b:b + block])).hexdigest()[:16] for b in range(0, len(ys), block)]


def draw_common(kind, cat, w, i):
    """One input of the kinds both generators share, or None for a kind of the caller's own."""
    if kind == 'uniform':  # a + (b - a)·U
        return cat[3] + (cat[4] - cat[3]) * w.unit()
    if kind == 'bits':  # any double
        hi = w.next()
        return from_bits(hi, w.next())
    if kind == 'scaled':  # (U - 1/2)·2^-s, s in 0..63 (tiny |x|, both signs)
        s = w.next() & 63
        return (w.unit() - 0.5) * 2.0 ** -s
    if kind == 'pow2':  # 2^e for every e in -1074..1023
        return math.ldexp(1.0, i - 1074)
    return None


def generate(cat, own):
    """The inputs of category [kind, seed, count, *parameters]: the shared kinds above, else own(kind, cat, w, i)."""
    kind, seed, n = cat[0], cat[1], cat[2]
    w = Words(seed, 4 * n + 8)
    out = []
    for i in range(n):
        v = draw_common(kind, cat, w, i)
        out.append(v if v is not None else own(kind, cat, w, i))
    return out


def write_fixture(name, result):
    """Writes test/fixtures/tensor/<name> (JSON, one value a line)."""
    path = os.path.join(os.path.dirname(__file__), '..', '..', 'test', 'fixtures', 'tensor', name)
    with open(path, 'w') as fh:
        json.dump(result, fh, indent=0)
        fh.write('\n')
