# Generates src/tensor/svmlExpLogData.ts: the tables and constants of Intel SVML's double-precision
# exp and log as NumPy 2.x links them (numpy/SVML, linux/avx512/svml_z0_exp_d_ha.s and
# svml_z0_log_d_ha.s: __svml_exp8_ha, __svml_log8_ha and their scalar "cout_rare" paths). NumPy calls
# those for float64 np.exp / np.log on CPUs with AVX512_SKX when it is built with SVML (Linux x86-64
# wheels): numpy/_core/src/umath/loops_exponent_log.dispatch.c.src, simd_exp_f64 / simd_log_f64.
#
# The tables are computed here with mpmath from their definitions (2^(j/16), 2^(j/64), -log of the
# rounded reciprocals); the polynomial coefficients and reduction constants are SVML's numbers, written
# as the bit patterns of its data sections. As a check, every table and constant generated is looked up
# byte for byte in this machine's NumPy library (_multiarray_umath), so a NumPy built from another SVML
# release makes this script fail instead of writing wrong numbers.
# Run: python3 scripts/golden/svml_exp_log_tables.py
import glob, os, struct
import mpmath
import numpy as np

mpmath.mp.prec = 300


def d(bits):
    return struct.unpack('<d', struct.pack('<Q', bits))[0]


def rn(v):
    return float(v)  # mpmath -> float rounds to nearest


# exp, vector path: 2^(j/16) = TH[j]·(1 + TLR[j]).
EXP_TH = [rn(mpmath.mpf(2) ** (mpmath.mpf(j) / 16)) for j in range(16)]
EXP_TLR = [rn((mpmath.mpf(2) ** (mpmath.mpf(j) / 16) - EXP_TH[j]) / EXP_TH[j]) for j in range(16)]
# exp, scalar path (|x| >= ~1021 ln 2): 2^(j/64) = T[2j]·(1 + T[2j+1]).
EXP64 = []
for j in range(64):
    v = mpmath.mpf(2) ** (mpmath.mpf(j) / 64)
    hi = rn(v)
    EXP64 += [hi, rn((v - hi) / hi)]
# log: for the reciprocal k/32 (k = 16..32) of the mantissa rounded to 5 bits, index k mod 16; the
# table holds -log(k/32), or -log(k/16) for k < 24 (then the exponent gets one more), split into a
# multiple of 2^-40 (so that e·LN2_HI + hi is exact) and the rest.
LOG_TH, LOG_TL = [], []
for i in range(16):
    k = 32 if i == 0 else 16 + i
    v = -mpmath.log(mpmath.mpf(k) / (16 if k < 24 else 32))
    hi = rn(mpmath.nint(v * 2 ** 40) / 2 ** 40)
    LOG_TH.append(hi)
    LOG_TL.append(rn(v - hi))

# SVML's constants, as bit patterns (svml_z0_exp_d_ha.s __svml_dexp_ha_data_internal_avx512 and
# _imldExpHATab, svml_z0_log_d_ha.s __svml_dlog_ha_data_internal_avx512), name: (bits, meaning).
EXP_CONST = {
    'LOG2E': (0x3ff71547652b82fe, 'log2(e)'),
    'SHIFTER': (0x42f8000000003ff0, '1.5·2^48 + 1023: x·log2(e) + this, rounded toward zero, keeps 4 fraction bits'),
    'LN2_HI': (0x3fe62e42fefa39ef, 'ln 2'),
    'LN2_LO': (0x3c7abc9e3b39803f, 'ln 2 - LN2_HI'),
    'C6': (0x3f57411836940c04, 'exp(r) polynomial, r^6'),
    'C5': (0x3f81101cbbc265c0, 'r^5'),
    'C4': (0x3fa55557242d68fe, 'r^4'),
    'C3': (0x3fc5555553939732, 'r^3'),
    'C2': (0x3fe000000000d008, 'r^2'),
    'C1': (0x3fefffffffffff70, 'r'),
    'LIMIT': (0x40861da04cbafe44, '|x| at or above this (about 1021 ln 2) takes the scalar path'),
}
EXP_COUT = {
    'INV_LN2_64': (0x40571547652b82fe, '64/ln 2'),
    'SHIFTER52': (0x4338000000000000, '1.5·2^52: round to an integer'),
    'D2': (0x3fe0000000000000, 'polynomial, r^2'),
    'D3': (0x3fc55555555548f8, 'r^3'),
    'D4': (0x3fa5555555558fcc, 'r^4'),
    'D5': (0x3f8111123aaf20d3, 'r^5'),
    'D6': (0x3f56c16a1c2a3ffd, 'r^6'),
    'OVERFLOW': (0x40862e42fefa39ef, 'above: +inf (1024 ln 2)'),
    'SUBNORMAL': (0xc086232bdd7abcd2, 'below: subnormal results (-1022 ln 2)'),
    'UNDERFLOW': (0xc0874910d52d3051, 'below: 0 (-1075 ln 2)'),
    'LN2_64_HI': (0x3f862e42fefa0000, 'ln 2 / 64, high part'),
    'LN2_64_LO': (0x3d1cf79abc9e3b3a, 'ln 2 / 64, low part'),
    'TWO': (0x4000000000000000, '2'),
    'TWO_M60': (0x3c30000000000000, '2^-60'),
    'SPLIT': (0x41f8000000000000, '1.5·2^32: splits the subnormal result before its last scaling'),
}
LOG_CONST = {
    'C9': (0x3fbc81cd309d7c70, 'log(1 + r) polynomial, r^9'),
    'C8': (0xbfc007357e93af62, 'r^8'),
    'C7': (0x3fc249229cee81ef, 'r^7'),
    'C6': (0xbfc55553fb28db06, 'r^6'),
    'C5': (0x3fc9999999cc9f5c, 'r^5'),
    'C4': (0xbfd00000000c05bd, 'r^4'),
    'C3': (0x3fd5555555555466, 'r^3'),
    'C2': (0xbfdfffffffffffc6, 'r^2'),
    'LN2_HI': (0x3fe62e42fefa0000, 'ln 2, high part'),
    'LN2_LO': (0x3d7cf79abc9e0000, 'ln 2, low part'),
}


def check_in_numpy():
    """Every generated block must appear in NumPy's library as SVML lays it out."""
    so = glob.glob(os.path.join(os.path.dirname(np.__file__), '_core', '_multiarray_umath*.so'))
    if not so:
        print('warning: NumPy library not found, tables not cross-checked')
        return
    blob = open(so[0], 'rb').read()
    pack = lambda vals: b''.join(struct.pack('<d', v) for v in vals)
    bcast = lambda bits: struct.pack('<Q', bits) * 8
    vec = lambda names, table: b''.join(bcast(table[n][0]) for n in names)
    blocks = {
        'exp tables + constants': pack(EXP_TH + EXP_TLR) + vec(['LOG2E', 'SHIFTER', 'LN2_HI', 'LN2_LO'], EXP_CONST)
        + bcast(0xbfffffffffffffff) + vec(['C6', 'C5', 'C4', 'C3', 'C2', 'C1'], EXP_CONST) + bcast(0x7fffffffffffffff)
        + vec(['LIMIT'], EXP_CONST),
        'exp scalar table + constants': pack(EXP64) + b''.join(struct.pack('<Q', EXP_COUT[n][0]) for n in
            ['INV_LN2_64', 'SHIFTER52', 'D2', 'D3', 'D4', 'D5', 'D6', 'OVERFLOW', 'SUBNORMAL', 'UNDERFLOW', 'LN2_64_HI', 'LN2_64_LO']),
        'log tables + constants': pack(LOG_TH + LOG_TL) + bcast(0x3ff0000000000000) + bcast(0x3fe8000000000000)
        + vec(['C9', 'C8', 'C7', 'C6', 'C5', 'C4', 'C3', 'C2', 'LN2_HI', 'LN2_LO'], LOG_CONST),
    }
    for name, b in blocks.items():
        assert blob.find(b) >= 0, f'{name}: not found in {so[0]} (another SVML release?)'
        print(f'{name}: found in NumPy {np.__version__}')
    for n in ['TWO', 'TWO_M60', 'SPLIT']:
        assert blob.find(struct.pack('<Q', EXP_COUT[n][0])) >= 0


def ts_list(vals, per=4):
    rows = [', '.join(repr(v) for v in vals[i:i + per]) for i in range(0, len(vals), per)]
    return '\n'.join('  ' + r + ',' for r in rows)


def ts_consts(prefix, table):
    return '\n'.join(f'/** {meaning} */\nexport const {prefix}{n} = {d(bits)!r}; // 0x{bits:016x}' for n, (bits, meaning) in table.items())


check_in_numpy()
out = f'''// Generated by scripts/golden/svml_exp_log_tables.py — do not edit. The numbers of Intel SVML's double
// exp and log (numpy/SVML linux/avx512/svml_z0_exp_d_ha.s, svml_z0_log_d_ha.s), which NumPy 2.x calls
// for float64 np.exp/np.log on AVX512_SKX CPUs: tables computed with mpmath from their definitions,
// coefficients and reduction constants as SVML has them (bit patterns in the comments); all of them
// checked byte for byte against NumPy {np.__version__}'s library by the script.

/** 2^(j/16) = EXP_TH[j]·(1 + EXP_TLR[j]) (the vector path). */
export const EXP_TH = new Float64Array([
{ts_list(EXP_TH)}
]);
export const EXP_TLR = new Float64Array([
{ts_list(EXP_TLR)}
]);
{ts_consts('EXP_', EXP_CONST)}

/** 2^(j/64) = EXP64[2j]·(1 + EXP64[2j + 1]) (the scalar path for |x| >= EXP_LIMIT). */
export const EXP64 = new Float64Array([
{ts_list(EXP64)}
]);
{ts_consts('EXPS_', EXP_COUT)}

/** -log of the reciprocal k/32 (k = 16..32, index k mod 16; -log(k/16) for k < 24) = LOG_TH + LOG_TL,
 * LOG_TH a multiple of 2^-40. */
export const LOG_TH = new Float64Array([
{ts_list(LOG_TH)}
]);
export const LOG_TL = new Float64Array([
{ts_list(LOG_TL)}
]);
{ts_consts('LOG_', LOG_CONST)}
'''
path = os.path.join(os.path.dirname(__file__), '..', '..', 'src', 'tensor', 'svmlExpLogData.ts')
with open(path, 'w') as f:
    f.write(out)
print('wrote', os.path.normpath(path))
