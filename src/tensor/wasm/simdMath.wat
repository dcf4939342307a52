;; NumPy's float64 exp, log (Intel SVML's __svml_exp8_ha / __svml_log8_ha, see src/tensor/svmlExp.ts and
;; svmlLog.ts for the algorithms) and tanh (NumPy's own loop, simdTanh.ts) two lanes at a time on the
;; CPU's own fused multiply-add (f64x2.relaxed_madd): the same operations per lane as the emulated-FMA
;; JavaScript, so the same bits. Assembled by scripts/build-tensor-wasm.mjs into simdMathWasm.ts;
;; simdMathKernel.ts loads it only where relaxed SIMD compiles and fuses (gemmKernel.ts's probe), writes
;; the constants and tables below, and runs the rare inputs (a nonzero return) through the JavaScript.
;;
;; Memory: splatted constants from byte 0 (16 bytes each, the offsets below), tables from 512
;; (EXP_TH, EXP_TLR, LOG_TH, LOG_TL: 16 doubles each), the tanh table from 1024 (16 rows of 18 doubles:
;; b, c0..c16), data from 4096 (transformed in place).
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
)
