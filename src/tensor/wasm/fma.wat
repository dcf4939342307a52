;; The fused small-product kernel of src/tensor/gemm.ts on the CPU's own fused multiply-add, through
;; WebAssembly relaxed SIMD (f64x2.relaxed_madd). Assembled by scripts/build-tensor-wasm.mjs into
;; fmaWasm.ts; gemmKernel.ts loads it only where relaxed SIMD compiles and a probe shows that
;; relaxed_madd rounds once (the spec lets it be a multiply then an add; x86 with FMA3 and ARM fuse).
;; It shares gemm.wat's memory and packing (4-row A panels, 4-column B panels, C row stride ldc):
;; every C element becomes fma(a[k-1], b[k-1], ... fma(a0, b0, c)) in ascending k, the same chain the
;; emulated kernels compute step by step, so the bits are identical and cost one instruction per step.
(module
  (import "gemm" "memory" (memory 1))

  ;; C[4x4 at c] = fma chain over kc steps of Apanel(a) · Bpanel(b); ldcb is the C row stride in bytes.
  (func $micro (param $a i32) (param $b i32) (param $c i32) (param $kc i32) (param $ldcb i32)
    (local $c00 v128) (local $c01 v128) (local $c10 v128) (local $c11 v128)
    (local $c20 v128) (local $c21 v128) (local $c30 v128) (local $c31 v128)
    (local $b0 v128) (local $b1 v128) (local $x v128)
    (local $r1 i32) (local $r2 i32) (local $r3 i32)
    (local.set $r1 (i32.add (local.get $c) (local.get $ldcb)))
    (local.set $r2 (i32.add (local.get $r1) (local.get $ldcb)))
    (local.set $r3 (i32.add (local.get $r2) (local.get $ldcb)))
    (local.set $c00 (v128.load (local.get $c)))
    (local.set $c01 (v128.load offset=16 (local.get $c)))
    (local.set $c10 (v128.load (local.get $r1)))
    (local.set $c11 (v128.load offset=16 (local.get $r1)))
    (local.set $c20 (v128.load (local.get $r2)))
    (local.set $c21 (v128.load offset=16 (local.get $r2)))
    (local.set $c30 (v128.load (local.get $r3)))
    (local.set $c31 (v128.load offset=16 (local.get $r3)))
    (block $done
      (loop $step
        (br_if $done (i32.eqz (local.get $kc)))
        (local.set $b0 (v128.load (local.get $b)))
        (local.set $b1 (v128.load offset=16 (local.get $b)))
        (local.set $x (f64x2.splat (f64.load (local.get $a))))
        (local.set $c00 (f64x2.relaxed_madd (local.get $x) (local.get $b0) (local.get $c00)))
        (local.set $c01 (f64x2.relaxed_madd (local.get $x) (local.get $b1) (local.get $c01)))
        (local.set $x (f64x2.splat (f64.load offset=8 (local.get $a))))
        (local.set $c10 (f64x2.relaxed_madd (local.get $x) (local.get $b0) (local.get $c10)))
        (local.set $c11 (f64x2.relaxed_madd (local.get $x) (local.get $b1) (local.get $c11)))
        (local.set $x (f64x2.splat (f64.load offset=16 (local.get $a))))
        (local.set $c20 (f64x2.relaxed_madd (local.get $x) (local.get $b0) (local.get $c20)))
        (local.set $c21 (f64x2.relaxed_madd (local.get $x) (local.get $b1) (local.get $c21)))
        (local.set $x (f64x2.splat (f64.load offset=24 (local.get $a))))
        (local.set $c30 (f64x2.relaxed_madd (local.get $x) (local.get $b0) (local.get $c30)))
        (local.set $c31 (f64x2.relaxed_madd (local.get $x) (local.get $b1) (local.get $c31)))
        (local.set $a (i32.add (local.get $a) (i32.const 32)))
        (local.set $b (i32.add (local.get $b) (i32.const 32)))
        (local.set $kc (i32.sub (local.get $kc) (i32.const 1)))
        (br $step)))
    (v128.store (local.get $c) (local.get $c00))
    (v128.store offset=16 (local.get $c) (local.get $c01))
    (v128.store (local.get $r1) (local.get $c10))
    (v128.store offset=16 (local.get $r1) (local.get $c11))
    (v128.store (local.get $r2) (local.get $c20))
    (v128.store offset=16 (local.get $r2) (local.get $c21))
    (v128.store (local.get $r3) (local.get $c30))
    (v128.store offset=16 (local.get $r3) (local.get $c31))
  )

  ;; All 4x4 tiles of an (mp4*4) x (np4*4) block, as gemm.wat's `panels`.
  (func (export "panels") (param $ap i32) (param $bp i32) (param $cp i32) (param $mp4 i32) (param $np4 i32)
        (param $kc i32) (param $ldc i32)
    (local $ip i32) (local $jp i32) (local $panel i32) (local $ldcb i32)
    (local.set $panel (i32.mul (local.get $kc) (i32.const 32)))
    (local.set $ldcb (i32.mul (local.get $ldc) (i32.const 8)))
    (block $jdone
      (loop $jl
        (br_if $jdone (i32.ge_u (local.get $jp) (local.get $np4)))
        (local.set $ip (i32.const 0))
        (block $idone
          (loop $il
            (br_if $idone (i32.ge_u (local.get $ip) (local.get $mp4)))
            (call $micro
              (i32.add (local.get $ap) (i32.mul (local.get $ip) (local.get $panel)))
              (i32.add (local.get $bp) (i32.mul (local.get $jp) (local.get $panel)))
              (i32.add (local.get $cp)
                (i32.add (i32.mul (i32.mul (local.get $ip) (i32.const 4)) (local.get $ldcb))
                         (i32.mul (local.get $jp) (i32.const 32))))
              (local.get $kc) (local.get $ldcb))
            (local.set $ip (i32.add (local.get $ip) (i32.const 1)))
            (br $il)))
        (local.set $jp (i32.add (local.get $jp) (i32.const 1)))
        (br $jl)))
  )

  ;; OpenBLAS's Haswell ddot kernel order (blasDot.ts): n (a multiple of 16) products of x (byte x) and
;; y (byte y) in 16 fma chains, chain c taking elements i = c (mod 16), kept as four 4-lane registers
;; (two v128 each here); then each register's low half plus its high half, the four pairs summed as
;; (r0 + r1) + (r2 + r3), and the two lanes added.
  (func (export "ddot16") (param $x i32) (param $y i32) (param $n i32) (result f64)
    (local $a0 v128) (local $a0h v128) (local $a1 v128) (local $a1h v128)
    (local $a2 v128) (local $a2h v128) (local $a3 v128) (local $a3h v128)
    (local $end i32) (local $t v128)
    (local.set $end (i32.add (local.get $x) (i32.shl (local.get $n) (i32.const 3))))
    (block $done
      (loop $l
        (br_if $done (i32.ge_u (local.get $x) (local.get $end)))
        (local.set $a0 (f64x2.relaxed_madd (v128.load (local.get $x)) (v128.load (local.get $y)) (local.get $a0)))
        (local.set $a0h (f64x2.relaxed_madd (v128.load offset=16 (local.get $x)) (v128.load offset=16 (local.get $y)) (local.get $a0h)))
        (local.set $a1 (f64x2.relaxed_madd (v128.load offset=32 (local.get $x)) (v128.load offset=32 (local.get $y)) (local.get $a1)))
        (local.set $a1h (f64x2.relaxed_madd (v128.load offset=48 (local.get $x)) (v128.load offset=48 (local.get $y)) (local.get $a1h)))
        (local.set $a2 (f64x2.relaxed_madd (v128.load offset=64 (local.get $x)) (v128.load offset=64 (local.get $y)) (local.get $a2)))
        (local.set $a2h (f64x2.relaxed_madd (v128.load offset=80 (local.get $x)) (v128.load offset=80 (local.get $y)) (local.get $a2h)))
        (local.set $a3 (f64x2.relaxed_madd (v128.load offset=96 (local.get $x)) (v128.load offset=96 (local.get $y)) (local.get $a3)))
        (local.set $a3h (f64x2.relaxed_madd (v128.load offset=112 (local.get $x)) (v128.load offset=112 (local.get $y)) (local.get $a3h)))
        (local.set $x (i32.add (local.get $x) (i32.const 128)))
        (local.set $y (i32.add (local.get $y) (i32.const 128)))
        (br $l)))
    (local.set $t
      (f64x2.add
        (f64x2.add (f64x2.add (local.get $a0) (local.get $a0h)) (f64x2.add (local.get $a1) (local.get $a1h)))
        (f64x2.add (f64x2.add (local.get $a2) (local.get $a2h)) (f64x2.add (local.get $a3) (local.get $a3h)))))
    (f64.add (f64x2.extract_lane 0 (local.get $t)) (f64x2.extract_lane 1 (local.get $t)))
  )

;; OpenBLAS's Haswell dgemv_t 4x4 kernel order (blasGemv.ts): for each group g of four rows of A
;; (row r at byte a + (4g + r)·ldab), over nb elements (a multiple of 4) of x (byte x): four fma chains
;; per row, chain c taking elements i = c (mod 4); stored to y[4g + r] as (c0 + c2) + (c1 + c3).
  (func (export "gemvT4") (param $a i32) (param $x i32) (param $y i32) (param $groups i32) (param $nb i32) (param $ldab i32)
    (local $g i32) (local $i i32) (local $r0 i32) (local $r1 i32) (local $r2 i32) (local $r3 i32) (local $off i32)
    (local $s0 v128) (local $s0h v128) (local $s1 v128) (local $s1h v128)
    (local $s2 v128) (local $s2h v128) (local $s3 v128) (local $s3h v128)
    (local $xv v128) (local $xh v128) (local $t v128)
    (block $gdone
      (loop $gl
        (br_if $gdone (i32.ge_u (local.get $g) (local.get $groups)))
        (local.set $r0 (i32.add (local.get $a) (i32.mul (i32.shl (local.get $g) (i32.const 2)) (local.get $ldab))))
        (local.set $r1 (i32.add (local.get $r0) (local.get $ldab)))
        (local.set $r2 (i32.add (local.get $r1) (local.get $ldab)))
        (local.set $r3 (i32.add (local.get $r2) (local.get $ldab)))
        (local.set $s0 (v128.const i64x2 0 0)) (local.set $s0h (v128.const i64x2 0 0))
        (local.set $s1 (v128.const i64x2 0 0)) (local.set $s1h (v128.const i64x2 0 0))
        (local.set $s2 (v128.const i64x2 0 0)) (local.set $s2h (v128.const i64x2 0 0))
        (local.set $s3 (v128.const i64x2 0 0)) (local.set $s3h (v128.const i64x2 0 0))
        (local.set $i (i32.const 0))
        (block $idone
          (loop $il
            (br_if $idone (i32.ge_u (local.get $i) (local.get $nb)))
            (local.set $off (i32.shl (local.get $i) (i32.const 3)))
            (local.set $xv (v128.load (i32.add (local.get $x) (local.get $off))))
            (local.set $xh (v128.load offset=16 (i32.add (local.get $x) (local.get $off))))
            (local.set $s0 (f64x2.relaxed_madd (v128.load (i32.add (local.get $r0) (local.get $off))) (local.get $xv) (local.get $s0)))
            (local.set $s0h (f64x2.relaxed_madd (v128.load offset=16 (i32.add (local.get $r0) (local.get $off))) (local.get $xh) (local.get $s0h)))
            (local.set $s1 (f64x2.relaxed_madd (v128.load (i32.add (local.get $r1) (local.get $off))) (local.get $xv) (local.get $s1)))
            (local.set $s1h (f64x2.relaxed_madd (v128.load offset=16 (i32.add (local.get $r1) (local.get $off))) (local.get $xh) (local.get $s1h)))
            (local.set $s2 (f64x2.relaxed_madd (v128.load (i32.add (local.get $r2) (local.get $off))) (local.get $xv) (local.get $s2)))
            (local.set $s2h (f64x2.relaxed_madd (v128.load offset=16 (i32.add (local.get $r2) (local.get $off))) (local.get $xh) (local.get $s2h)))
            (local.set $s3 (f64x2.relaxed_madd (v128.load (i32.add (local.get $r3) (local.get $off))) (local.get $xv) (local.get $s3)))
            (local.set $s3h (f64x2.relaxed_madd (v128.load offset=16 (i32.add (local.get $r3) (local.get $off))) (local.get $xh) (local.get $s3h)))
            (local.set $i (i32.add (local.get $i) (i32.const 4)))
            (br $il)))
        (local.set $off (i32.add (local.get $y) (i32.shl (local.get $g) (i32.const 5))))
        (local.set $t (f64x2.add (local.get $s0) (local.get $s0h)))
        (f64.store (local.get $off) (f64.add (f64x2.extract_lane 0 (local.get $t)) (f64x2.extract_lane 1 (local.get $t))))
        (local.set $t (f64x2.add (local.get $s1) (local.get $s1h)))
        (f64.store offset=8 (local.get $off) (f64.add (f64x2.extract_lane 0 (local.get $t)) (f64x2.extract_lane 1 (local.get $t))))
        (local.set $t (f64x2.add (local.get $s2) (local.get $s2h)))
        (f64.store offset=16 (local.get $off) (f64.add (f64x2.extract_lane 0 (local.get $t)) (f64x2.extract_lane 1 (local.get $t))))
        (local.set $t (f64x2.add (local.get $s3) (local.get $s3h)))
        (f64.store offset=24 (local.get $off) (f64.add (f64x2.extract_lane 0 (local.get $t)) (f64x2.extract_lane 1 (local.get $t))))
        (local.set $g (i32.add (local.get $g) (i32.const 1)))
        (br $gl)))
  )

;; OpenBLAS's Haswell dgemv_n 4x4 kernel order (blasGemv.ts): y[i] += (a0[i]·x0 fma a2[i]·x2) +
;; (a1[i]·x1 fma a3[i]·x3) for i < nb (a multiple of 2), with columns c at byte a + c·ldab and the four
;; x values at byte x; `groups` groups of four columns, one after another (columns 4g..4g+3).
  (func (export "gemvN4") (param $a i32) (param $ldab i32) (param $x i32) (param $y i32) (param $nb i32) (param $groups i32)
    (local $g i32) (local $i i32) (local $c0 i32) (local $c1 i32) (local $c2 i32) (local $c3 i32) (local $off i32)
    (local $x0 v128) (local $x1 v128) (local $x2 v128) (local $x3 v128) (local $t4 v128) (local $t5 v128) (local $yp i32)
    (block $gdone
      (loop $gl
        (br_if $gdone (i32.ge_u (local.get $g) (local.get $groups)))
        (local.set $c0 (i32.add (local.get $a) (i32.mul (i32.shl (local.get $g) (i32.const 2)) (local.get $ldab))))
        (local.set $c1 (i32.add (local.get $c0) (local.get $ldab)))
        (local.set $c2 (i32.add (local.get $c1) (local.get $ldab)))
        (local.set $c3 (i32.add (local.get $c2) (local.get $ldab)))
        (local.set $off (i32.add (local.get $x) (i32.shl (local.get $g) (i32.const 5))))
        (local.set $x0 (f64x2.splat (f64.load (local.get $off))))
        (local.set $x1 (f64x2.splat (f64.load offset=8 (local.get $off))))
        (local.set $x2 (f64x2.splat (f64.load offset=16 (local.get $off))))
        (local.set $x3 (f64x2.splat (f64.load offset=24 (local.get $off))))
        (local.set $i (i32.const 0))
        (block $idone
          (loop $il
            (br_if $idone (i32.ge_u (local.get $i) (local.get $nb)))
            (local.set $off (i32.shl (local.get $i) (i32.const 3)))
            (local.set $t4 (f64x2.mul (v128.load (i32.add (local.get $c0) (local.get $off))) (local.get $x0)))
            (local.set $t5 (f64x2.mul (v128.load (i32.add (local.get $c1) (local.get $off))) (local.get $x1)))
            (local.set $t4 (f64x2.relaxed_madd (v128.load (i32.add (local.get $c2) (local.get $off))) (local.get $x2) (local.get $t4)))
            (local.set $t5 (f64x2.relaxed_madd (v128.load (i32.add (local.get $c3) (local.get $off))) (local.get $x3) (local.get $t5)))
            (local.set $yp (i32.add (local.get $y) (local.get $off)))
            (v128.store (local.get $yp) (f64x2.add (v128.load (local.get $yp)) (f64x2.add (local.get $t4) (local.get $t5))))
            (local.set $i (i32.add (local.get $i) (i32.const 2)))
            (br $il)))
        (local.set $g (i32.add (local.get $g) (i32.const 1)))
        (br $gl)))
  )

;; The probe: relaxed_madd on two lanes, for gemmKernel.ts to check that it rounds once.
  (func (export "madd") (param $a f64) (param $b f64) (param $c f64) (result f64)
    (f64x2.extract_lane 1
      (f64x2.relaxed_madd (f64x2.splat (local.get $a)) (f64x2.splat (local.get $b)) (f64x2.splat (local.get $c)))))
)
