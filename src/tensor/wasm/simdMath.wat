;; NumPy's float64 exp, log (Intel SVML's __svml_exp8_ha / __svml_log8_ha, see src/tensor/svmlExp.ts and
;; svmlLog.ts for the algorithms), tanh (NumPy's own loop, simdTanh.ts) and sin/cos (glibc's, at the
;; end of the module, one lane at a time) two lanes at a time on the
;; CPU's own fused multiply-add (f64x2.relaxed_madd): the same operations per lane as the emulated-FMA
;; JavaScript, so the same bits. Assembled by scripts/build-tensor-wasm.mjs into simdMathWasm.ts;
;; simdMathKernel.ts loads it only where relaxed SIMD compiles and fuses (gemmKernel.ts's probe), writes
;; the constants and tables below, and runs the rare inputs (a nonzero return) through the JavaScript.
;;
;; Memory: splatted constants from byte 0 (16 bytes each, the offsets below), tables from 512
;; (EXP_TH, EXP_TLR, LOG_TH, LOG_TL: 16 doubles each), the tanh table from 1024 (16 rows of 18 doubles:
;; b, c0..c16), data from 4096 (transformed in place); sin/cos's constants and table above that.
(module
  (memory (export "memory") 1)

  ;; $n (even) doubles at byte $p, overwritten by exp; nonzero when a lane has !(|x| < EXP_LIMIT).
  (func (export "exp") (param $p i32) (param $n i32) (result i32)
    (local $end i32) (local $j0 i32) (local $j1 i32)
    (local $x v128) (local $pr v128) (local $s v128) (local $t v128) (local $n16 v128) (local $nn v128)
    (local $r v128) (local $r2 v128) (local $q v128) (local $th v128) (local $tl v128) (local $spec v128)
    (local.set $end (i32.add (local.get $p) (i32.shl (local.get $n) (i32.const 3))))
    (block $done
      (loop $l
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $x (v128.load (local.get $p)))
        (local.set $spec (v128.or (local.get $spec)
          (v128.not (f64x2.lt (f64x2.abs (local.get $x)) (v128.load (i32.const 176))))))
        ;; t = x·log2e + SHIFTER rounded down: rounded to nearest, less 1/16 where the exact sum
        ;; (s + Fast2Sum error + product error) is below s.
        (local.set $pr (f64x2.mul (local.get $x) (v128.load (i32.const 0))))
        (local.set $s (f64x2.add (v128.load (i32.const 16)) (local.get $pr)))
        (local.set $t (f64x2.sub (local.get $s)
          (v128.and (v128.load (i32.const 32))
            (f64x2.lt
              (f64x2.add
                (f64x2.sub (local.get $pr) (f64x2.sub (local.get $s) (v128.load (i32.const 16))))
                (f64x2.relaxed_madd (local.get $x) (v128.load (i32.const 0)) (f64x2.neg (local.get $pr))))
              (v128.const i64x2 0 0)))))
        (local.set $n16 (i64x2.sub (local.get $t) (v128.load (i32.const 16)))) ;; 16·N, same binade
        (local.set $nn (f64x2.neg (f64x2.sub (local.get $t) (v128.load (i32.const 16))))) ;; -N
        (local.set $r (f64x2.relaxed_madd (local.get $nn) (v128.load (i32.const 48)) (local.get $x)))
        (local.set $r (f64x2.relaxed_madd (local.get $nn) (v128.load (i32.const 64)) (local.get $r)))
        (local.set $r2 (f64x2.mul (local.get $r) (local.get $r)))
        (local.set $q
          (f64x2.relaxed_madd
            (f64x2.relaxed_madd (v128.load (i32.const 80)) (local.get $r) (v128.load (i32.const 96)))
            (local.get $r2)
            (f64x2.relaxed_madd (v128.load (i32.const 112)) (local.get $r) (v128.load (i32.const 128)))))
        (local.set $q
          (f64x2.relaxed_madd (local.get $q) (local.get $r2)
            (f64x2.relaxed_madd (v128.load (i32.const 144)) (local.get $r) (v128.load (i32.const 160)))))
        (local.set $j0 (i32.shl (i32.and (i32.wrap_i64 (i64x2.extract_lane 0 (local.get $n16))) (i32.const 15)) (i32.const 3)))
        (local.set $j1 (i32.shl (i32.and (i32.wrap_i64 (i64x2.extract_lane 1 (local.get $n16))) (i32.const 15)) (i32.const 3)))
        (local.set $th (f64x2.replace_lane 1 (f64x2.splat (f64.load offset=512 (local.get $j0))) (f64.load offset=512 (local.get $j1))))
        (local.set $tl (f64x2.replace_lane 1 (f64x2.splat (f64.load offset=640 (local.get $j0))) (f64.load offset=640 (local.get $j1))))
        (local.set $q (f64x2.relaxed_madd (local.get $q) (local.get $r) (local.get $tl)))
        ;; · 2^floor(N): the exponent field of floor(16N / 16) + 1023
        (v128.store (local.get $p)
          (f64x2.mul
            (f64x2.relaxed_madd (local.get $q) (local.get $th) (local.get $th))
            (i64x2.shl (i64x2.add (i64x2.shr_s (local.get $n16) (i32.const 4)) (v128.const i64x2 1023 1023)) (i32.const 52))))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $l)))
    (v128.any_true (local.get $spec))
  )

  ;; $n (even) doubles at byte $p, overwritten by log; nonzero when a lane is not a positive normal
  ;; finite number (zero, subnormal, negative, infinite, NaN).
  (func (export "log") (param $p i32) (param $n i32) (result i32)
    (local $end i32) (local $i0 i32) (local $i1 i32)
    (local $x v128) (local $ef v128) (local $m v128) (local $k v128) (local $ki v128) (local $r v128) (local $r2 v128)
    (local $c69 v128) (local $c25 v128) (local $tt v128) (local $h v128) (local $spec v128)
    (local.set $end (i32.add (local.get $p) (i32.shl (local.get $n) (i32.const 3))))
    (block $done
      (loop $l
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $x (v128.load (local.get $p)))
        (local.set $spec (v128.or (local.get $spec)
          (v128.not (v128.and (f64x2.ge (local.get $x) (v128.load (i32.const 432)))
                              (f64x2.lt (local.get $x) (v128.load (i32.const 448)))))))
        ;; e = biased exponent - 1023, as a double: (2^52 + biased) - (2^52 + 1023)
        (local.set $ef (f64x2.sub
          (v128.or (i64x2.shr_u (local.get $x) (i32.const 52)) (v128.const i64x2 0x4330000000000000 0x4330000000000000))
          (v128.load (i32.const 464))))
        (local.set $m (v128.or (v128.and (local.get $x) (v128.const i64x2 0x000fffffffffffff 0x000fffffffffffff))
                               (v128.const i64x2 0x3ff0000000000000 0x3ff0000000000000)))
        ;; k = 32/m rounded to an integer, then moved across a midpoint the quotient's rounding landed on
        ;; (exact sign tests: m·(k ± 1/2) - 32 by fma).
        (local.set $k (f64x2.nearest (f64x2.div (v128.load (i32.const 192)) (local.get $m))))
        (local.set $k (f64x2.add (local.get $k) (v128.and (v128.load (i32.const 240))
          (f64x2.lt (f64x2.relaxed_madd (local.get $m) (f64x2.add (local.get $k) (v128.load (i32.const 208))) (v128.load (i32.const 480)))
                    (v128.const i64x2 0 0)))))
        (local.set $k (f64x2.sub (local.get $k) (v128.and (v128.load (i32.const 240))
          (f64x2.gt (f64x2.relaxed_madd (local.get $m) (f64x2.sub (local.get $k) (v128.load (i32.const 208))) (v128.load (i32.const 480)))
                    (v128.const i64x2 0 0)))))
        (local.set $r (f64x2.relaxed_madd (f64x2.mul (local.get $k) (v128.load (i32.const 224))) (local.get $m)
                                          (f64x2.neg (v128.load (i32.const 240)))))
        (local.set $ef (f64x2.add (local.get $ef)
          (v128.and (v128.load (i32.const 240)) (f64x2.lt (local.get $k) (v128.load (i32.const 256))))))
        (local.set $ki (i32x4.trunc_sat_f64x2_s_zero (local.get $k)))
        (local.set $i0 (i32.shl (i32.and (i32x4.extract_lane 0 (local.get $ki)) (i32.const 15)) (i32.const 3)))
        (local.set $i1 (i32.shl (i32.and (i32x4.extract_lane 1 (local.get $ki)) (i32.const 15)) (i32.const 3)))
        (local.set $r2 (f64x2.mul (local.get $r) (local.get $r)))
        (local.set $c69 (f64x2.relaxed_madd
          (f64x2.relaxed_madd (local.get $r) (v128.load (i32.const 272)) (v128.load (i32.const 288)))
          (local.get $r2)
          (f64x2.relaxed_madd (local.get $r) (v128.load (i32.const 304)) (v128.load (i32.const 320)))))
        (local.set $c25 (f64x2.relaxed_madd
          (f64x2.relaxed_madd (local.get $r) (v128.load (i32.const 336)) (v128.load (i32.const 352)))
          (local.get $r2)
          (f64x2.relaxed_madd (local.get $r) (v128.load (i32.const 368)) (v128.load (i32.const 384)))))
        (local.set $tt (f64x2.relaxed_madd (local.get $ef) (v128.load (i32.const 400))
          (f64x2.replace_lane 1 (f64x2.splat (f64.load offset=768 (local.get $i0))) (f64.load offset=768 (local.get $i1)))))
        (local.set $h (f64x2.add (local.get $tt) (local.get $r)))
        (v128.store (local.get $p)
          (f64x2.add
            (f64x2.add
              (f64x2.relaxed_madd
                (f64x2.relaxed_madd (local.get $c69) (f64x2.mul (local.get $r2) (local.get $r2)) (local.get $c25))
                (local.get $r2)
                (f64x2.sub (local.get $r) (f64x2.sub (local.get $h) (local.get $tt))))
              (f64x2.relaxed_madd (local.get $ef) (v128.load (i32.const 416))
                (f64x2.replace_lane 1 (f64x2.splat (f64.load offset=896 (local.get $i0))) (f64.load offset=896 (local.get $i1)))))
            (local.get $h)))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $l)))
    (v128.any_true (local.get $spec))
  )

  ;; $n (even) doubles at byte $p, overwritten by tanh; nonzero when a lane is NaN, infinite or above
  ;; 1.5·2^1023 (the JavaScript gives ±1 or NaN there).
  (func (export "tanh") (param $p i32) (param $n i32) (result i32)
    (local $end i32) (local $t0 i32) (local $t1 i32) (local $k i32) (local $h i32)
    (local $x v128) (local $y v128) (local $r v128) (local $spec v128)
    (local.set $end (i32.add (local.get $p) (i32.shl (local.get $n) (i32.const 3))))
    (block $done
      (loop $l
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $x (v128.load (local.get $p)))
        (local.set $spec (v128.or (local.get $spec)
          (i64x2.gt_s (v128.and (local.get $x) (v128.const i64x2 0x7ff8000000000000 0x7ff8000000000000))
                      (v128.const i64x2 0x7fe0000000000000 0x7fe0000000000000))))
        ;; row addresses: 144 bytes · clamp((high word & 0x7ff80000) - 0x3fc00000, 0, 0x780000) >> 19
        (local.set $h (i32.sub (i32.and (i32.wrap_i64 (i64.shr_u (i64x2.extract_lane 0 (local.get $x)) (i64.const 32))) (i32.const 0x7ff80000)) (i32.const 0x3fc00000)))
        (local.set $h (select (i32.const 0) (local.get $h) (i32.lt_s (local.get $h) (i32.const 0))))
        (local.set $h (select (i32.const 0x780000) (local.get $h) (i32.gt_s (local.get $h) (i32.const 0x780000))))
        (local.set $t0 (i32.add (i32.const 1024) (i32.mul (i32.shr_u (local.get $h) (i32.const 19)) (i32.const 144))))
        (local.set $h (i32.sub (i32.and (i32.wrap_i64 (i64.shr_u (i64x2.extract_lane 1 (local.get $x)) (i64.const 32))) (i32.const 0x7ff80000)) (i32.const 0x3fc00000)))
        (local.set $h (select (i32.const 0) (local.get $h) (i32.lt_s (local.get $h) (i32.const 0))))
        (local.set $h (select (i32.const 0x780000) (local.get $h) (i32.gt_s (local.get $h) (i32.const 0x780000))))
        (local.set $t1 (i32.add (i32.const 1024) (i32.mul (i32.shr_u (local.get $h) (i32.const 19)) (i32.const 144))))
        (local.set $y (f64x2.sub (f64x2.abs (local.get $x))
          (f64x2.replace_lane 1 (f64x2.splat (f64.load (local.get $t0))) (f64.load (local.get $t1)))))
        (local.set $r (f64x2.relaxed_madd
          (f64x2.replace_lane 1 (f64x2.splat (f64.load offset=136 (local.get $t0))) (f64.load offset=136 (local.get $t1)))
          (local.get $y)
          (f64x2.replace_lane 1 (f64x2.splat (f64.load offset=128 (local.get $t0))) (f64.load offset=128 (local.get $t1)))))
        ;; Horner down to c0: coefficient c_k at byte 8·(k + 1) of the row, k = 14..0
        (local.set $k (i32.const 120))
        (block $hdone
          (loop $hl
            (local.set $r (f64x2.relaxed_madd (local.get $r) (local.get $y)
              (f64x2.replace_lane 1 (f64x2.splat (f64.load (i32.add (local.get $t0) (local.get $k))))
                                    (f64.load (i32.add (local.get $t1) (local.get $k))))))
            (br_if $hdone (i32.eq (local.get $k) (i32.const 8)))
            (local.set $k (i32.sub (local.get $k) (i32.const 8)))
            (br $hl)))
        ;; the sign bit of x or-ed in
        (v128.store (local.get $p) (v128.or (local.get $r)
          (v128.and (local.get $x) (v128.const i64x2 0x8000000000000000 0x8000000000000000))))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $l)))
    (v128.any_true (local.get $spec))
  )

  ;; glibc's sin and cos (src/common/libm/glibcSin.ts: IBM's s_sin.c as built for x86-64 with FMA),
  ;; which NumPy 2.4.6 calls per element for float64 np.sin/np.cos on this machine, one lane at a time on
  ;; the CPU's fused multiply-add (f64x2.relaxed_madd, lane 0): every fused operation of glibcSin.ts is one
  ;; here and every other operation is the same IEEE operation, so the bits equal the JavaScript's. Inputs
  ;; with |x| >= 105414336 (Payne-Hanek), inf and NaN are left to the JavaScript (nonzero return).
  ;; Memory: constants at byte 37120 (8 bytes each, order of sinCosConsts in simdMathKernel.ts), the
  ;; SINCOS table (sin, its error, cos, its error per 1/128) at byte 40960.
  ;; One fused multiply-add. scripts/build-tensor-wasm.mjs writes each `(call $fma a b c)` as this body
  ;; (V8 does not inline WebAssembly calls: 56 instead of 32 ms for np.sin on 1e6 values).
  (func $fma (param $a f64) (param $b f64) (param $c f64) (result f64)
    (f64x2.extract_lane 0 (f64x2.relaxed_madd (f64x2.splat (local.get $a)) (f64x2.splat (local.get $b)) (f64x2.splat (local.get $c)))))

  ;; sin(x + dx), |x| + |dx| < π/4 + ε: glibc's do_sin (its Taylor branch below 0.126)
  (func $dosin (param $x f64) (param $dx f64) (result f64)
    (local $ax f64) (local $u f64) (local $xr f64) (local $xx f64) (local $s f64) (local $c f64) (local $t i32) (local $r f64)
    (local.set $ax (f64.abs (local.get $x)))
    (if (f64.lt (local.get $ax) (f64.const 0.126))
      (then
        (local.set $xx (f64.mul (local.get $x) (local.get $x)))
        (local.set $r (call $fma (call $fma (call $fma (call $fma (f64.load (i32.const 37152)) (local.get $xx) (f64.load (i32.const 37144))) (local.get $xx) (f64.load (i32.const 37136))) (local.get $xx) (f64.load (i32.const 37128))) (local.get $xx) (f64.load (i32.const 37120))))
        (return (f64.add (local.get $x)
          (call $fma (call $fma (local.get $r) (local.get $x) (f64.mul (f64.const -0.5) (local.get $dx))) (local.get $xx) (local.get $dx))))))
    (if (f64.le (local.get $x) (f64.const 0)) (then (local.set $dx (f64.neg (local.get $dx)))))
    (local.set $u (f64.add (f64.load (i32.const 37256)) (local.get $ax)))
    (local.set $xr (f64.sub (local.get $ax) (f64.sub (local.get $u) (f64.load (i32.const 37256)))))
    (local.set $t (i32.add (i32.const 40960) (i32.shl (i32.trunc_f64_s (f64.mul (f64.sub (local.get $u) (f64.load (i32.const 37256))) (f64.const 512))) (i32.const 3))))
    (local.set $xx (f64.mul (local.get $xr) (local.get $xr)))
    (local.set $s (f64.add (local.get $xr) (call $fma (f64.mul (local.get $xr) (local.get $xx)) (call $fma (local.get $xx) (f64.load (i32.const 37168)) (f64.load (i32.const 37160))) (local.get $dx))))
    (local.set $c (call $fma (local.get $xr) (local.get $dx) (f64.mul (local.get $xx) (call $fma (local.get $xx) (call $fma (local.get $xx) (f64.load (i32.const 37192)) (f64.load (i32.const 37184))) (f64.load (i32.const 37176))))))
    (local.set $r (f64.add (f64.load (local.get $t))
      (call $fma (f64.load offset=16 (local.get $t)) (local.get $s)
        (call $fma (f64.neg (f64.load (local.get $t))) (local.get $c)
          (call $fma (local.get $s) (f64.load offset=24 (local.get $t)) (f64.load offset=8 (local.get $t)))))))
    (select (f64.neg (local.get $r)) (local.get $r) (f64.lt (local.get $x) (f64.const 0))))

  ;; cos(x + dx), |x| + |dx| < 0.86: glibc's do_cos
  (func $docos (param $x f64) (param $dx f64) (result f64)
    (local $ax f64) (local $u f64) (local $xr f64) (local $xx f64) (local $s f64) (local $c f64) (local $t i32)
    (if (f64.lt (local.get $x) (f64.const 0)) (then (local.set $dx (f64.neg (local.get $dx)))))
    (local.set $ax (f64.abs (local.get $x)))
    (local.set $u (f64.add (f64.load (i32.const 37256)) (local.get $ax)))
    (local.set $xr (f64.add (f64.sub (local.get $ax) (f64.sub (local.get $u) (f64.load (i32.const 37256)))) (local.get $dx)))
    (local.set $t (i32.add (i32.const 40960) (i32.shl (i32.trunc_f64_s (f64.mul (f64.sub (local.get $u) (f64.load (i32.const 37256))) (f64.const 512))) (i32.const 3))))
    (local.set $xx (f64.mul (local.get $xr) (local.get $xr)))
    (local.set $s (call $fma (f64.mul (local.get $xr) (local.get $xx)) (call $fma (local.get $xx) (f64.load (i32.const 37168)) (f64.load (i32.const 37160))) (local.get $xr)))
    (local.set $c (f64.mul (local.get $xx) (call $fma (local.get $xx) (call $fma (local.get $xx) (f64.load (i32.const 37192)) (f64.load (i32.const 37184))) (f64.load (i32.const 37176)))))
    (f64.add (f64.load offset=16 (local.get $t))
      (call $fma (f64.neg (f64.load (local.get $t))) (local.get $s)
        (call $fma (f64.neg (f64.load offset=16 (local.get $t))) (local.get $c)
          (call $fma (f64.neg (local.get $s)) (f64.load offset=8 (local.get $t)) (f64.load offset=24 (local.get $t)))))))

  ;; sin (n even) or cos (n odd) of x - n·π/2, |x| < 105414336: glibc's reduce_sincos and do_sincos
  (func $reduced (param $x f64) (param $add i32) (result f64)
    (local $xn f64) (local $y f64) (local $t2 f64) (local $b f64) (local $db f64) (local $n i32) (local $r f64)
    (local.set $xn (f64.sub (call $fma (local.get $x) (f64.load (i32.const 37248)) (f64.load (i32.const 37264))) (f64.load (i32.const 37264))))
    (local.set $y (call $fma (f64.neg (local.get $xn)) (f64.load (i32.const 37224)) (call $fma (f64.neg (local.get $xn)) (f64.load (i32.const 37216)) (local.get $x))))
    (local.set $t2 (call $fma (f64.neg (local.get $xn)) (f64.load (i32.const 37232)) (local.get $y)))
    (local.set $db (call $fma (f64.neg (local.get $xn)) (f64.load (i32.const 37232)) (f64.sub (local.get $y) (local.get $t2))))
    (local.set $b (call $fma (f64.neg (local.get $xn)) (f64.load (i32.const 37240)) (local.get $t2)))
    (local.set $db (f64.add (local.get $db) (call $fma (f64.neg (local.get $xn)) (f64.load (i32.const 37240)) (f64.sub (local.get $t2) (local.get $b)))))
    (local.set $n (i32.add (i32.trunc_f64_s (local.get $xn)) (local.get $add)))
    (local.set $r (if (result f64) (i32.and (local.get $n) (i32.const 1))
      (then (call $docos (local.get $b) (local.get $db)))
      (else (call $dosin (local.get $b) (local.get $db)))))
    (select (f64.neg (local.get $r)) (local.get $r) (i32.and (local.get $n) (i32.const 2))))

  (func $sin1 (param $x f64) (result f64)
    (local $k i32)
    (local.set $k (i32.and (i32.wrap_i64 (i64.shr_u (i64.reinterpret_f64 (local.get $x)) (i64.const 32))) (i32.const 0x7fffffff)))
    (if (i32.lt_u (local.get $k) (i32.const 0x3e500000)) (then (return (local.get $x))))
    (if (i32.lt_u (local.get $k) (i32.const 0x3feb6000)) (then (return (call $dosin (local.get $x) (f64.const 0)))))
    (if (i32.lt_u (local.get $k) (i32.const 0x400368fd)) (then
      (return (f64.copysign (call $docos (f64.sub (f64.load (i32.const 37200)) (f64.abs (local.get $x))) (f64.load (i32.const 37208))) (local.get $x)))))
    (call $reduced (local.get $x) (i32.const 0)))

  (func $cos1 (param $x f64) (result f64)
    (local $k i32) (local $y f64) (local $a f64)
    (local.set $k (i32.and (i32.wrap_i64 (i64.shr_u (i64.reinterpret_f64 (local.get $x)) (i64.const 32))) (i32.const 0x7fffffff)))
    (if (i32.lt_u (local.get $k) (i32.const 0x3e400000)) (then (return (f64.const 1))))
    (if (i32.lt_u (local.get $k) (i32.const 0x3feb6000)) (then (return (call $docos (local.get $x) (f64.const 0)))))
    (if (i32.lt_u (local.get $k) (i32.const 0x400368fd)) (then
      (local.set $y (f64.sub (f64.load (i32.const 37200)) (f64.abs (local.get $x))))
      (local.set $a (f64.add (local.get $y) (f64.load (i32.const 37208))))
      (return (call $dosin (local.get $a) (f64.add (f64.sub (local.get $y) (local.get $a)) (f64.load (i32.const 37208)))))))
    (call $reduced (local.get $x) (i32.const 1)))

  ;; $n doubles at byte $p, overwritten by sin; nonzero when one has |x| >= 105414336 (high word 0x419921fb: Payne-Hanek), inf or NaN
  (func (export "sin") (param $p i32) (param $n i32) (result i32)
    (local $end i32) (local $x f64) (local $rare i32)
    (local.set $end (i32.add (local.get $p) (i32.shl (local.get $n) (i32.const 3))))
    (block $done
      (loop $l
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $x (f64.load (local.get $p)))
        (if (f64.lt (f64.abs (local.get $x)) (f64.const 105414336))
          (then (f64.store (local.get $p) (call $sin1 (local.get $x))))
          (else (local.set $rare (i32.const 1))))
        (local.set $p (i32.add (local.get $p) (i32.const 8)))
        (br $l)))
    (local.get $rare))

  ;; the same for cos
  (func (export "cos") (param $p i32) (param $n i32) (result i32)
    (local $end i32) (local $x f64) (local $rare i32)
    (local.set $end (i32.add (local.get $p) (i32.shl (local.get $n) (i32.const 3))))
    (block $done
      (loop $l
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $x (f64.load (local.get $p)))
        (if (f64.lt (f64.abs (local.get $x)) (f64.const 105414336))
          (then (f64.store (local.get $p) (call $cos1 (local.get $x))))
          (else (local.set $rare (i32.const 1))))
        (local.set $p (i32.add (local.get $p) (i32.const 8)))
        (br $l)))
    (local.get $rare))
)
