;; The float64 matmul micro-kernel of src/tensor/gemm.ts in WebAssembly SIMD (f64x2). Assembled by
;; scripts/build-tensor-wasm.mjs (wabt) into gemmWasm.ts. Operands are packed by gemm.ts exactly like
;; its JavaScript kernel: A in 4-row panels (k-major, 4 values per k), B in 4-column panels, C row-major
;; with a row stride of `ldc` doubles. Each C element is updated as c = c + a*b in ascending k (separate
;; multiply and add, like the JavaScript kernel), so both paths give identical bits.
(module
  (memory (export "memory") 1)

  ;; C[4x4 at c] += Apanel(a) · Bpanel(b) over kc steps; ldcb is the C row stride in bytes.
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
        (local.set $c00 (f64x2.add (local.get $c00) (f64x2.mul (local.get $x) (local.get $b0))))
        (local.set $c01 (f64x2.add (local.get $c01) (f64x2.mul (local.get $x) (local.get $b1))))
        (local.set $x (f64x2.splat (f64.load offset=8 (local.get $a))))
        (local.set $c10 (f64x2.add (local.get $c10) (f64x2.mul (local.get $x) (local.get $b0))))
        (local.set $c11 (f64x2.add (local.get $c11) (f64x2.mul (local.get $x) (local.get $b1))))
        (local.set $x (f64x2.splat (f64.load offset=16 (local.get $a))))
        (local.set $c20 (f64x2.add (local.get $c20) (f64x2.mul (local.get $x) (local.get $b0))))
        (local.set $c21 (f64x2.add (local.get $c21) (f64x2.mul (local.get $x) (local.get $b1))))
        (local.set $x (f64x2.splat (f64.load offset=24 (local.get $a))))
        (local.set $c30 (f64x2.add (local.get $c30) (f64x2.mul (local.get $x) (local.get $b0))))
        (local.set $c31 (f64x2.add (local.get $c31) (f64x2.mul (local.get $x) (local.get $b1))))
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

  ;; All 4x4 tiles of an (mp4*4) x (np4*4) block: B panels outer so one stays in L1 across A panels.
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

;; x + 0 for the n doubles at byte p (n even): turns -0 into +0 and leaves everything else, as OpenBLAS's
;; final C = alpha·acc + C does when C starts at zero (gemm.ts, OpenBLAS order).
  (func (export "addZero") (param $p i32) (param $n i32)
    (local $end i32)
    (local.set $end (i32.add (local.get $p) (i32.shl (local.get $n) (i32.const 3))))
    (block $done
      (loop $l
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (v128.store (local.get $p) (f64x2.add (v128.load (local.get $p)) (v128.const f64x2 0 0)))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $l)))
  )

;; 1 when the n doubles at byte p are all finite: x - x is 0 for a finite x and NaN for inf or NaN,
;; and a NaN stays in the sum. gemm.ts reads it for the product's warnings (NumPy's FPU flags).
  (func (export "allFinite") (param $p i32) (param $n i32) (result i32)
    (local $acc v128) (local $end i32) (local $x v128)
    (local.set $end (i32.add (local.get $p) (i32.mul (i32.and (local.get $n) (i32.const -2)) (i32.const 8))))
    (block $done
      (loop $l
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $x (v128.load (local.get $p)))
        (local.set $acc (f64x2.add (local.get $acc) (f64x2.sub (local.get $x) (local.get $x))))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $l)))
    (if (i32.and (local.get $n) (i32.const 1))
      (then
        (local.set $x (f64x2.splat (f64.load (local.get $p))))
        (local.set $acc (f64x2.add (local.get $acc) (f64x2.sub (local.get $x) (local.get $x))))))
    (i32.and
      (f64.eq (f64x2.extract_lane 0 (local.get $acc)) (f64.const 0))
      (f64.eq (f64x2.extract_lane 1 (local.get $acc)) (f64.const 0)))
  )

;; The small-product kernel with an emulated fused multiply-add per step (gemm.ts `fusedProduct`,
;; same operations in the same order, two C elements per f64x2 lane pair). A: per row, per k, the
;; triple [a, high, low] (24 bytes); B: per pair of columns, per k, [b, b'], [high, high'], [low, low']
;; (48 bytes); C row-major with a row stride of `ldc` doubles (even). Eight columns (four pairs) of a
;; row advance together so the dependent chains of ~20 operations overlap.
  (func $step (param $a v128) (param $a1 v128) (param $a2 v128) (param $b v128) (param $b1 v128)
        (param $b2 v128) (param $c v128) (result v128)
    (local $prod v128) (local $e v128) (local $s v128) (local $bb v128) (local $r v128) (local $ok v128)
    (local.set $prod (f64x2.mul (local.get $a) (local.get $b)))
    ;; e = a1*b1 - prod + a1*b2 + a2*b1 + a2*b2 (Dekker: the exact error of prod)
    (local.set $e
      (f64x2.add
        (f64x2.add
          (f64x2.add
            (f64x2.sub (f64x2.mul (local.get $a1) (local.get $b1)) (local.get $prod))
            (f64x2.mul (local.get $a1) (local.get $b2)))
          (f64x2.mul (local.get $a2) (local.get $b1)))
        (f64x2.mul (local.get $a2) (local.get $b2))))
    (local.set $s (f64x2.add (local.get $prod) (local.get $c)))
    (local.set $bb (f64x2.sub (local.get $s) (local.get $prod)))
    ;; r = s + (prod - (s - bb) + (c - bb) + e)
    (local.set $r
      (f64x2.add (local.get $s)
        (f64x2.add
          (f64x2.add
            (f64x2.sub (local.get $prod) (f64x2.sub (local.get $s) (local.get $bb)))
            (f64x2.sub (local.get $c) (local.get $bb)))
          (local.get $e))))
    ;; A non-finite prod or c, or a zero prod: the plain sum s (JavaScript: `return prod + c`).
    (local.set $ok
      (v128.and
        (v128.and
          (f64x2.eq (f64x2.sub (local.get $prod) (local.get $prod)) (v128.const f64x2 0 0))
          (f64x2.eq (f64x2.sub (local.get $c) (local.get $c)) (v128.const f64x2 0 0)))
        (f64x2.ne (local.get $prod) (v128.const f64x2 0 0))))
    (v128.bitselect (local.get $r) (local.get $s) (local.get $ok))
  )

  (func (export "fused") (param $ap i32) (param $bp i32) (param $cp i32) (param $m i32) (param $pairs i32)
        (param $k i32) (param $ldc i32)
    (local $i i32) (local $jp i32) (local $p i32) (local $x i32) (local $y i32) (local $crow i32)
    (local $arow i32) (local $bstride i32) (local $cc i32)
    (local $a v128) (local $a1 v128) (local $a2 v128)
    (local $c0 v128) (local $c1 v128) (local $c2 v128) (local $c3 v128)
    (local $b v128) (local $b1 v128) (local $b2 v128) (local $prod v128) (local $e v128) (local $s v128) (local $bb v128)
    (local $bstride2 i32) (local $bstride3 i32)
    (local.set $bstride (i32.mul (local.get $k) (i32.const 48)))
    (local.set $bstride2 (i32.mul (local.get $bstride) (i32.const 2)))
    (local.set $bstride3 (i32.mul (local.get $bstride) (i32.const 3)))
    (block $idone
      (loop $il
        (br_if $idone (i32.ge_u (local.get $i) (local.get $m)))
        (local.set $arow (i32.add (local.get $ap) (i32.mul (local.get $i) (i32.mul (local.get $k) (i32.const 24)))))
        (local.set $crow (i32.add (local.get $cp) (i32.mul (local.get $i) (i32.mul (local.get $ldc) (i32.const 8)))))
        (local.set $jp (i32.const 0))
        ;; four pairs (eight columns) at a time
        (block $jdone
          (loop $jl
            (br_if $jdone (i32.gt_u (i32.add (local.get $jp) (i32.const 4)) (local.get $pairs)))
            (local.set $cc (i32.add (local.get $crow) (i32.mul (local.get $jp) (i32.const 16))))
            (local.set $c0 (v128.load (local.get $cc)))
            (local.set $c1 (v128.load offset=16 (local.get $cc)))
            (local.set $c2 (v128.load offset=32 (local.get $cc)))
            (local.set $c3 (v128.load offset=48 (local.get $cc)))
            (local.set $x (local.get $arow))
            (local.set $y (i32.add (local.get $bp) (i32.mul (local.get $jp) (local.get $bstride))))
            (local.set $p (i32.const 0))
            (block $pdone
              (loop $pl
                (br_if $pdone (i32.ge_u (local.get $p) (local.get $k)))
                (local.set $a (f64x2.splat (f64.load (local.get $x))))
                (local.set $a1 (f64x2.splat (f64.load offset=8 (local.get $x))))
                (local.set $a2 (f64x2.splat (f64.load offset=16 (local.get $x))))
                ;; chain 0
                (local.set $b (v128.load (local.get $y)))
                (local.set $b1 (v128.load offset=16 (local.get $y)))
                (local.set $b2 (v128.load offset=32 (local.get $y)))
                (local.set $prod (f64x2.mul (local.get $a) (local.get $b)))
                (local.set $e
                  (f64x2.add
                    (f64x2.add
                      (f64x2.add
                        (f64x2.sub (f64x2.mul (local.get $a1) (local.get $b1)) (local.get $prod))
                        (f64x2.mul (local.get $a1) (local.get $b2)))
                      (f64x2.mul (local.get $a2) (local.get $b1)))
                    (f64x2.mul (local.get $a2) (local.get $b2))))
                (local.set $s (f64x2.add (local.get $prod) (local.get $c0)))
                (local.set $bb (f64x2.sub (local.get $s) (local.get $prod)))
                (local.set $c0
                  (v128.bitselect
                    (f64x2.add (local.get $s)
                      (f64x2.add
                        (f64x2.add
                          (f64x2.sub (local.get $prod) (f64x2.sub (local.get $s) (local.get $bb)))
                          (f64x2.sub (local.get $c0) (local.get $bb)))
                        (local.get $e)))
                    (local.get $s)
                    (v128.and
                      (v128.and
                        (f64x2.eq (f64x2.sub (local.get $prod) (local.get $prod)) (v128.const f64x2 0 0))
                        (f64x2.eq (f64x2.sub (local.get $c0) (local.get $c0)) (v128.const f64x2 0 0)))
                      (f64x2.ne (local.get $prod) (v128.const f64x2 0 0)))))
                ;; chain 1
                (local.set $b (v128.load (i32.add (local.get $y) (local.get $bstride))))
                (local.set $b1 (v128.load offset=16 (i32.add (local.get $y) (local.get $bstride))))
                (local.set $b2 (v128.load offset=32 (i32.add (local.get $y) (local.get $bstride))))
                (local.set $prod (f64x2.mul (local.get $a) (local.get $b)))
                (local.set $e
                  (f64x2.add
                    (f64x2.add
                      (f64x2.add
                        (f64x2.sub (f64x2.mul (local.get $a1) (local.get $b1)) (local.get $prod))
                        (f64x2.mul (local.get $a1) (local.get $b2)))
                      (f64x2.mul (local.get $a2) (local.get $b1)))
                    (f64x2.mul (local.get $a2) (local.get $b2))))
                (local.set $s (f64x2.add (local.get $prod) (local.get $c1)))
                (local.set $bb (f64x2.sub (local.get $s) (local.get $prod)))
                (local.set $c1
                  (v128.bitselect
                    (f64x2.add (local.get $s)
                      (f64x2.add
                        (f64x2.add
                          (f64x2.sub (local.get $prod) (f64x2.sub (local.get $s) (local.get $bb)))
                          (f64x2.sub (local.get $c1) (local.get $bb)))
                        (local.get $e)))
                    (local.get $s)
                    (v128.and
                      (v128.and
                        (f64x2.eq (f64x2.sub (local.get $prod) (local.get $prod)) (v128.const f64x2 0 0))
                        (f64x2.eq (f64x2.sub (local.get $c1) (local.get $c1)) (v128.const f64x2 0 0)))
                      (f64x2.ne (local.get $prod) (v128.const f64x2 0 0)))))
                ;; chain 2
                (local.set $b (v128.load (i32.add (local.get $y) (local.get $bstride2))))
                (local.set $b1 (v128.load offset=16 (i32.add (local.get $y) (local.get $bstride2))))
                (local.set $b2 (v128.load offset=32 (i32.add (local.get $y) (local.get $bstride2))))
                (local.set $prod (f64x2.mul (local.get $a) (local.get $b)))
                (local.set $e
                  (f64x2.add
                    (f64x2.add
                      (f64x2.add
                        (f64x2.sub (f64x2.mul (local.get $a1) (local.get $b1)) (local.get $prod))
                        (f64x2.mul (local.get $a1) (local.get $b2)))
                      (f64x2.mul (local.get $a2) (local.get $b1)))
                    (f64x2.mul (local.get $a2) (local.get $b2))))
                (local.set $s (f64x2.add (local.get $prod) (local.get $c2)))
                (local.set $bb (f64x2.sub (local.get $s) (local.get $prod)))
                (local.set $c2
                  (v128.bitselect
                    (f64x2.add (local.get $s)
                      (f64x2.add
                        (f64x2.add
                          (f64x2.sub (local.get $prod) (f64x2.sub (local.get $s) (local.get $bb)))
                          (f64x2.sub (local.get $c2) (local.get $bb)))
                        (local.get $e)))
                    (local.get $s)
                    (v128.and
                      (v128.and
                        (f64x2.eq (f64x2.sub (local.get $prod) (local.get $prod)) (v128.const f64x2 0 0))
                        (f64x2.eq (f64x2.sub (local.get $c2) (local.get $c2)) (v128.const f64x2 0 0)))
                      (f64x2.ne (local.get $prod) (v128.const f64x2 0 0)))))
                ;; chain 3
                (local.set $b (v128.load (i32.add (local.get $y) (local.get $bstride3))))
                (local.set $b1 (v128.load offset=16 (i32.add (local.get $y) (local.get $bstride3))))
                (local.set $b2 (v128.load offset=32 (i32.add (local.get $y) (local.get $bstride3))))
                (local.set $prod (f64x2.mul (local.get $a) (local.get $b)))
                (local.set $e
                  (f64x2.add
                    (f64x2.add
                      (f64x2.add
                        (f64x2.sub (f64x2.mul (local.get $a1) (local.get $b1)) (local.get $prod))
                        (f64x2.mul (local.get $a1) (local.get $b2)))
                      (f64x2.mul (local.get $a2) (local.get $b1)))
                    (f64x2.mul (local.get $a2) (local.get $b2))))
                (local.set $s (f64x2.add (local.get $prod) (local.get $c3)))
                (local.set $bb (f64x2.sub (local.get $s) (local.get $prod)))
                (local.set $c3
                  (v128.bitselect
                    (f64x2.add (local.get $s)
                      (f64x2.add
                        (f64x2.add
                          (f64x2.sub (local.get $prod) (f64x2.sub (local.get $s) (local.get $bb)))
                          (f64x2.sub (local.get $c3) (local.get $bb)))
                        (local.get $e)))
                    (local.get $s)
                    (v128.and
                      (v128.and
                        (f64x2.eq (f64x2.sub (local.get $prod) (local.get $prod)) (v128.const f64x2 0 0))
                        (f64x2.eq (f64x2.sub (local.get $c3) (local.get $c3)) (v128.const f64x2 0 0)))
                      (f64x2.ne (local.get $prod) (v128.const f64x2 0 0)))))
                (local.set $x (i32.add (local.get $x) (i32.const 24)))
                (local.set $y (i32.add (local.get $y) (i32.const 48)))
                (local.set $p (i32.add (local.get $p) (i32.const 1)))
                (br $pl)))
            (v128.store (local.get $cc) (local.get $c0))
            (v128.store offset=16 (local.get $cc) (local.get $c1))
            (v128.store offset=32 (local.get $cc) (local.get $c2))
            (v128.store offset=48 (local.get $cc) (local.get $c3))
            (local.set $jp (i32.add (local.get $jp) (i32.const 4)))
            (br $jl)))
        ;; the remaining pairs one at a time
        (block $rdone
          (loop $rl
            (br_if $rdone (i32.ge_u (local.get $jp) (local.get $pairs)))
            (local.set $cc (i32.add (local.get $crow) (i32.mul (local.get $jp) (i32.const 16))))
            (local.set $c0 (v128.load (local.get $cc)))
            (local.set $x (local.get $arow))
            (local.set $y (i32.add (local.get $bp) (i32.mul (local.get $jp) (local.get $bstride))))
            (local.set $p (i32.const 0))
            (block $qdone
              (loop $ql
                (br_if $qdone (i32.ge_u (local.get $p) (local.get $k)))
                (local.set $c0 (call $step
                  (f64x2.splat (f64.load (local.get $x))) (f64x2.splat (f64.load offset=8 (local.get $x)))
                  (f64x2.splat (f64.load offset=16 (local.get $x)))
                  (v128.load (local.get $y)) (v128.load offset=16 (local.get $y)) (v128.load offset=32 (local.get $y))
                  (local.get $c0)))
                (local.set $x (i32.add (local.get $x) (i32.const 24)))
                (local.set $y (i32.add (local.get $y) (i32.const 48)))
                (local.set $p (i32.add (local.get $p) (i32.const 1)))
                (br $ql)))
            (v128.store (local.get $cc) (local.get $c0))
            (local.set $jp (i32.add (local.get $jp) (i32.const 1)))
            (br $rl)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $il)))
  )
)
