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

;; crlog.ts's correctly rounded log, operation for operation (WebAssembly f64 arithmetic is IEEE
;; double like JavaScript's, so the bits agree): it starts fast where the JavaScript version would first
;; run interpreted and then cost the optimising compiler a large graph (legacy randn calls it for every
;; pair of normals). The tables of crlogTable.ts live at the start of memory (the data segment below,
;; generated from them; a test compares both versions); the matmul kernels use memory from byte 4096.
  (data (i32.const 0)
    "\00\00\00\00\00\00\00\00\89\67\10\6b\2a\e0\7f\3f\e4\03\fc\b0\a8\c0\8f\3f\1b\b1\d5\07\1b\b9\97\3f"
    "\00\33\78\0e\9b\82\9f\3f\60\bd\fe\b9\87\9e\a3\3f\fc\dc\32\f6\58\74\a7\3f\bf\71\19\71\dd\42\ab\3f"
    "\a6\62\11\c0\30\0a\af\3f\e1\7a\a3\ee\36\65\b1\3f\d1\d1\1b\96\d7\41\b3\3f\3f\18\06\3f\07\1b\b5\3f"
    "\4c\6b\e5\8a\d2\f0\b6\3f\21\9b\31\d6\45\c3\b8\3f\63\d5\4a\3a\6d\92\ba\3f\43\c7\5b\8f\54\5e\bc\3f"
    "\e6\f2\2a\6e\07\27\be\3f\bb\ea\db\31\91\ec\bf\3f\59\8e\d0\7c\7e\d7\c0\3f\a0\67\2f\d5\2a\b7\c1\3f"
    "\23\f5\1f\f8\52\95\c2\3f\74\8f\1e\20\fc\71\c3\3f\1e\7d\cb\6c\2b\4d\c4\3f\38\b4\a1\e3\e5\26\c5\3f"
    "\d4\93\a7\70\30\ff\c5\3f\1d\d2\19\e7\0f\d6\c6\3f\09\d9\10\02\89\ab\c7\3f\11\c9\20\65\a0\7f\c8\3f"
    "\b4\56\f4\9c\5a\52\c9\3f\63\b5\e2\1f\bc\23\ca\3f\f3\bf\80\4e\c9\f3\ca\3f\d6\8c\2d\74\86\c2\cb\3f"
    "\22\9a\9a\c7\f7\8f\cc\3f\91\bb\4f\6b\21\5c\cd\3f\e6\f2\2a\6e\07\27\ce\3f\36\59\dc\cb\ad\f0\ce\3f"
    "\2b\3e\5e\6d\18\b9\cf\3f\41\d0\b4\94\25\40\d0\3f\e3\90\73\e2\24\a3\d0\3f\d5\4a\ae\f9\8b\05\d1\3f"
    "\0e\a6\ab\ab\5c\67\d1\3f\fb\99\69\c1\98\c8\d1\3f\66\79\cf\fb\41\29\d2\3f\a3\86\de\13\5a\89\d2\3f"
    "\31\1d\e1\ba\e2\e8\d2\3f\55\7d\98\9a\dd\47\d3\3f\ea\45\69\55\4c\a6\d3\3f\e4\a7\86\86\30\04\d4\3f"
    "\c2\5e\1c\c2\8b\61\d4\3f\a1\78\77\95\5f\be\d4\3f\2d\f8\2d\87\ad\1a\d5\3f\6c\5a\45\17\77\76\d5\3f"
    "\ca\09\58\bf\bd\d1\d5\3f\95\c7\b9\f2\82\2c\d6\3f\af\14\9b\1e\c8\86\d6\3f\e4\a1\2b\aa\8e\e0\d6\3f"
    "\07\d0\bb\f6\d7\39\d7\3f\a2\47\dd\5f\a5\92\d7\3f\c3\af\82\3b\f8\ea\d7\3f\17\8b\1e\da\d1\42\d8\3f"
    "\5b\42\c1\86\33\9a\d8\3f\c7\62\36\87\1e\f1\d8\3f\fb\16\21\1c\94\47\d9\3f\8b\e0\17\81\95\9d\d9\3f"
    "\4c\98\bf\ec\23\f3\d9\3f\0a\bb\e5\90\40\48\da\3f\4a\08\9a\9a\ec\9c\da\3f\6b\78\47\32\29\f1\da\3f"
    "\63\8f\cc\7b\f7\44\db\3f\fb\10\93\96\58\98\db\3f\7c\1b\a7\9d\4d\eb\db\3f\4d\ad\cd\a7\d7\3d\dc\3f"
    "\22\9a\9a\c7\f7\8f\dc\3f\eb\f3\85\0b\af\e1\dc\3f\d5\eb\00\7e\fe\32\dd\3f\3e\2f\8a\25\e7\83\dd\3f"
    "\a1\c4\c1\04\6a\d4\dd\3f\26\6c\7c\1a\88\24\de\3f\88\87\d6\61\42\74\de\3f\c0\8c\46\d2\99\c3\de\3f"
    "\ed\06\af\5f\8f\12\df\3f\ac\28\70\fa\23\61\df\3f\1f\f3\78\8f\58\af\df\3f\98\f4\57\08\2e\fd\df\3f"
    "\ff\d0\a5\a5\52\25\e0\3f\d2\26\a9\9d\df\4b\e0\3f\40\df\1c\5c\3e\72\e0\3f\21\35\57\4f\6f\98\e0\3f"
    "\83\2a\25\e4\72\be\e0\3f\8c\cc\d1\85\49\e4\e0\3f\97\4c\2d\9e\f3\09\e1\3f\bc\ef\93\95\71\2f\e1\3f"
    "\ea\d5\f4\d2\c3\54\e1\3f\a1\99\d8\bb\ea\79\e1\3f\6f\c9\67\b4\e6\9e\e1\3f\25\3c\71\1f\b8\c3\e1\3f"
    "\d0\40\70\5e\5f\e8\e1\3f\6e\ab\92\d1\dc\0c\e2\3f\43\bf\be\d7\30\31\e2\3f\cb\f7\98\ce\5b\55\e2\3f"
    "\1b\b1\89\12\5e\79\e2\3f\8b\b0\c2\fe\37\9d\e2\3f\8c\8e\44\ed\e9\c0\e2\3f\68\02\e4\36\74\e4\e2\3f"
    "\be\10\4f\33\d7\07\e3\3f\71\1d\12\39\13\2b\e3\3f\d3\e1\9c\9d\28\4e\e3\3f\b6\47\47\b5\17\71\e3\3f"
    "\1a\2a\56\d3\e0\93\e3\3f\23\fc\ff\49\84\b6\e3\3f\fb\56\71\6a\02\d9\e3\3f\42\6f\d1\84\5b\fb\e3\3f"
    "\ae\72\46\e8\8f\1d\e4\3f\67\ce\f9\e2\9f\3f\e4\3f\c2\5e\1c\c2\8b\61\e4\3f\df\88\ea\d1\53\83\e4\3f"
    "\bb\3e\b0\5d\f8\a4\e4\3f\3a\ee\cc\af\79\c6\e4\3f\b1\5b\b7\11\d8\e7\e4\3f\6b\68\01\cc\13\09\e5\3f"
    "\ab\c5\5b\26\2d\2a\e5\3f\98\94\99\67\24\4b\e5\3f\99\f3\b3\d5\f9\6b\e5\3f\89\79\cd\b5\ad\8c\e5\3f"
    "\2d\9f\35\4c\40\ad\e5\3f\65\17\6c\dc\b1\cd\e5\3f\75\16\24\a9\02\ee\e5\3f\d9\88\47\f4\32\0e\e6\3f"
    "\ef\39\fa\fe\42\2e\e6\3f\00\00\00\00\00\00\00\00\80\1e\71\e3\b7\44\ce\bb\a0\42\96\c5\92\30\18\bc"
    "\10\a5\e3\ac\02\b6\35\bc\23\ef\f1\04\3f\3e\33\3c\bc\51\f5\37\a9\bf\45\bc\96\92\7b\a8\3c\8d\41\3c"
    "\98\04\13\9c\75\b9\3e\bc\cc\ba\5b\5c\32\5f\48\3c\dc\2c\c2\e8\a3\9d\37\bc\bc\ec\7b\22\9f\59\5b\bc"
    "\e5\8b\1a\9a\e3\49\5a\3c\94\b9\84\91\d9\06\59\bc\c0\24\34\ab\97\a6\24\bc\a8\0e\a7\8a\f4\42\59\3c"
    "\b8\61\81\ef\17\d6\35\3c\60\01\1e\00\78\15\36\bc\6c\b3\81\99\6b\74\55\bc\ac\30\90\5e\dc\a5\69\3c"
    "\74\cd\72\34\02\83\54\3c\be\7d\40\1c\77\01\63\3c\a0\18\af\62\cb\e6\5d\3c\88\1f\3e\54\f6\f4\69\3c"
    "\3a\0d\47\8a\ff\46\67\bc\70\6f\fc\fa\0e\c6\5b\bc\79\d1\ec\68\e2\aa\6c\bc\00\06\6a\2d\6b\e3\4b\3c"
    "\9a\8d\a0\bf\fd\f7\6b\bc\27\2e\4e\1d\4c\90\6d\3c\90\99\7a\b0\11\37\49\3c\85\19\64\f3\cf\98\53\bc"
    "\54\0f\87\44\e7\fc\54\3c\12\40\43\f8\89\f6\64\bc\40\4d\7e\59\43\e4\66\3c\68\01\1e\00\78\15\46\bc"
    "\0c\c2\0d\95\37\86\64\3c\cb\1a\f2\64\ae\aa\6c\bc\2e\02\a5\17\c2\8e\62\bc\04\1c\06\e8\fd\dc\77\3c"
    "\20\b3\4c\ab\a0\9f\58\3c\20\37\88\ab\3e\e6\2c\3c\50\1c\ff\2a\c6\e5\30\bc\b0\28\96\b0\5e\6f\77\bc"
    "\0e\04\3f\c1\24\ad\77\3c\f8\bd\5e\b9\cd\f4\78\bc\f8\19\09\58\4c\dd\64\bc\7c\f9\45\19\65\68\6c\bc"
    "\6e\ce\82\60\fb\bc\70\bc\1c\cf\ec\cd\de\42\7f\3c\3c\81\04\5b\b3\59\62\bc\e8\55\9f\c1\7a\92\43\3c"
    "\0c\66\83\b2\ad\26\75\3c\e2\7f\dc\83\63\23\74\3c\e5\00\53\91\af\b7\67\3c\3d\8e\f5\f7\a0\de\6d\bc"
    "\10\3a\ca\39\1b\fb\7c\bc\04\4b\01\eb\6c\c7\78\bc\d6\9e\fe\91\76\05\7f\3c\50\29\ed\79\e9\2c\79\3c"
    "\78\46\78\19\c5\4e\72\3c\fa\f0\bb\df\39\96\72\bc\a4\61\5a\75\da\85\7f\3c\e4\bb\e0\ba\c8\6c\71\bc"
    "\72\3e\dc\89\68\2b\6a\bc\60\7f\21\13\e5\92\4a\bc\74\5a\87\5b\53\fe\65\3c\b0\36\b4\02\ec\ad\7c\bc"
    "\28\dc\15\4a\84\33\51\3c\78\9c\45\95\44\d0\7c\bc\c4\3b\e2\53\ec\63\76\3c\c0\87\a8\90\c5\f3\40\bc"
    "\9c\a6\de\52\f0\ec\7c\3c\12\40\43\f8\89\f6\74\bc\67\42\ab\f2\4a\df\7e\3c\38\fa\fa\32\b2\77\78\3c"
    "\10\25\bb\e8\56\14\74\3c\92\b8\d8\56\76\46\70\bc\40\4a\95\45\8f\bd\5c\3c\b4\44\c3\90\5c\82\5c\bc"
    "\98\53\f3\53\ee\5c\57\3c\c4\38\bb\13\df\28\73\bc\41\b3\2d\0f\5b\51\78\3c\a0\bc\8a\0d\26\28\63\bc"
    "\ae\21\93\0d\f4\65\75\3c\01\8c\40\51\cb\b1\7c\bc\e0\c9\22\40\30\7f\89\3c\ba\45\24\8e\e5\95\83\3c"
    "\01\2f\c0\5a\09\b8\81\bc\00\08\33\11\da\59\82\bc\90\d3\d2\42\34\2a\52\bc\40\37\a4\27\9b\e0\30\bc"
    "\35\f4\71\c6\48\c0\84\3c\76\68\1a\17\33\9c\85\bc\b4\e0\17\64\7c\0e\80\bc\0c\f1\43\14\a1\d1\79\bc"
    "\e8\10\c8\c4\c1\da\80\bc\e0\f1\f9\d2\2c\f6\7e\3c\13\90\22\bc\f0\2b\8b\bc\6e\4d\37\5e\72\48\8f\bc"
    "\e8\81\68\6d\1d\02\7e\3c\8c\97\46\c2\c0\87\64\bc\82\19\2d\9a\94\d1\7b\bc\88\75\91\f3\58\a1\81\bc"
    "\6b\88\a4\61\08\15\80\3c\dc\66\f5\a1\90\b5\6f\3c\6c\91\3d\5b\ab\02\79\3c\50\ce\85\d8\92\eb\66\3c"
    "\04\91\dd\db\7e\11\7d\bc\3a\48\f2\67\ef\8e\85\bc\26\9b\9e\4f\48\1c\84\bc\62\4b\bd\70\f6\fe\86\bc"
    "\f0\2a\17\54\a7\d3\86\3c\06\18\bd\30\2f\19\89\3c\88\3b\d8\e6\9e\9c\8e\3c\1c\cf\ec\cd\de\42\8f\3c"
    "\f4\07\cc\2e\7a\f5\8c\3c\b0\61\37\3d\fa\3d\31\3c\42\9e\b3\c8\c4\a5\83\bc\a8\9e\6e\ea\d9\d3\88\bc"
    "\b0\d5\c2\96\ce\f2\82\3c\08\4d\ea\50\37\88\61\bc\f4\09\2f\5d\af\ba\85\bc\f2\8f\cd\85\18\47\80\3c"
    "\58\84\c9\2e\79\49\78\3c\a0\71\3f\68\55\59\43\bc\f4\3d\8a\0e\47\c2\8c\bc\82\90\f4\57\82\35\8c\3c"
    "\9b\58\fa\52\bb\c1\7a\bc\40\80\39\3b\9e\bc\7a\3c\00\00\00\00\00\00\f0\3f\55\55\55\55\55\55\d5\3f"
    "\9a\99\99\99\99\99\c9\3f\92\24\49\92\24\49\c2\3f\1c\c7\71\1c\c7\71\bc\3f\46\17\5d\74\d1\45\b7\3f"
    "\14\3b\b1\13\3b\b1\b3\3f\11\11\11\11\11\11\b1\3f\00\00\00\00\00\00\00\00\55\55\55\55\55\55\75\3c"
    "\9a\99\99\99\99\99\69\bc\92\24\49\92\24\49\62\3c\1c\c7\71\1c\c7\71\5c\3c\46\17\5d\74\d1\45\47\bc"
    "\14\3b\b1\13\3b\b1\53\bc\11\11\11\11\11\11\31\3c")
  (global $H (mut f64) (f64.const 0))
  (global $L (mut f64) (f64.const 0))

  (func $twoSum (param $a f64) (param $b f64)
    (local $s f64) (local $bb f64)
    (local.set $s (f64.add (local.get $a) (local.get $b)))
    (local.set $bb (f64.sub (local.get $s) (local.get $a)))
    (global.set $H (local.get $s))
    (global.set $L
      (f64.add (f64.sub (local.get $a) (f64.sub (local.get $s) (local.get $bb))) (f64.sub (local.get $b) (local.get $bb)))))

  (func $ddMul (param $ah f64) (param $al f64) (param $bh f64) (param $bl f64)
    (local $p f64) (local $c f64) (local $a1 f64) (local $a2 f64) (local $b1 f64) (local $b2 f64)
    (local.set $p (f64.mul (local.get $ah) (local.get $bh)))
    (local.set $c (f64.mul (f64.const 134217729) (local.get $ah)))
    (local.set $a1 (f64.sub (local.get $c) (f64.sub (local.get $c) (local.get $ah))))
    (local.set $a2 (f64.sub (local.get $ah) (local.get $a1)))
    (local.set $c (f64.mul (f64.const 134217729) (local.get $bh)))
    (local.set $b1 (f64.sub (local.get $c) (f64.sub (local.get $c) (local.get $bh))))
    (local.set $b2 (f64.sub (local.get $bh) (local.get $b1)))
    ;; e = a1*b1 - p + a1*b2 + a2*b1 + a2*b2 + (ah*bl + al*bh)
    (call $twoSum (local.get $p)
      (f64.add
        (f64.add
          (f64.add
            (f64.add
              (f64.sub (f64.mul (local.get $a1) (local.get $b1)) (local.get $p))
              (f64.mul (local.get $a1) (local.get $b2)))
            (f64.mul (local.get $a2) (local.get $b1)))
          (f64.mul (local.get $a2) (local.get $b2)))
        (f64.add (f64.mul (local.get $ah) (local.get $bl)) (f64.mul (local.get $al) (local.get $bh))))))

  (func $ddAdd (param $ah f64) (param $al f64) (param $bh f64) (param $bl f64)
    (local $sh f64)
    (call $twoSum (local.get $ah) (local.get $bh))
    (local.set $sh (global.get $H))
    (call $twoSum (local.get $sh) (f64.add (f64.add (global.get $L) (local.get $al)) (local.get $bl))))

  (func $ddDiv (param $ah f64) (param $al f64) (param $bh f64) (param $bl f64)
    (local $q1 f64) (local $q2 f64) (local $q3 f64) (local $rh f64) (local $rl f64)
    (local.set $q1 (f64.div (local.get $ah) (local.get $bh)))
    (call $ddMul (local.get $q1) (f64.const 0) (local.get $bh) (local.get $bl))
    (call $ddAdd (local.get $ah) (local.get $al) (f64.neg (global.get $H)) (f64.neg (global.get $L)))
    (local.set $rh (global.get $H))
    (local.set $rl (global.get $L))
    (local.set $q2 (f64.div (local.get $rh) (local.get $bh)))
    (call $ddMul (local.get $q2) (f64.const 0) (local.get $bh) (local.get $bl))
    (call $ddAdd (local.get $rh) (local.get $rl) (f64.neg (global.get $H)) (f64.neg (global.get $L)))
    (local.set $q3 (f64.div (global.get $H) (local.get $bh)))
    (call $twoSum (local.get $q1) (local.get $q2))
    (call $ddAdd (global.get $H) (global.get $L) (local.get $q3) (f64.const 0)))

  ;; Positive finite x only (crlog.ts handles NaN, zero, negatives and inf before calling).
  (func (export "crlog") (param $x f64) (result f64)
    (local $e i32) (local $bits i64) (local $m f64) (local $j i32) (local $c f64)
    (local $fh f64) (local $fl f64) (local $f2h f64) (local $f2l f64) (local $sh f64) (local $sl f64)
    (local $k i32) (local $th f64) (local $tl f64) (local $rh f64) (local $rl f64)
    (local.set $bits (i64.reinterpret_f64 (local.get $x)))
    ;; subnormals: scale up by 2^64 first
    (if (i64.eqz (i64.shr_u (local.get $bits) (i64.const 52)))
      (then
        (local.set $bits (i64.reinterpret_f64 (f64.mul (local.get $x) (f64.const 18446744073709551616))))
        (local.set $e (i32.const -64))))
    (local.set $e (i32.add (local.get $e)
      (i32.sub (i32.wrap_i64 (i64.shr_u (local.get $bits) (i64.const 52))) (i32.const 1023))))
    (local.set $m (f64.reinterpret_i64
      (i64.or (i64.and (local.get $bits) (i64.const 0x000fffffffffffff)) (i64.const 0x3ff0000000000000))))
    ;; j = Math.round((m - 1) * 128): (m - 1) * 128 is exact and below 128, so + 0.5 is exact too
    (local.set $j (i32.trunc_f64_u (f64.floor (f64.add (f64.mul (f64.sub (local.get $m) (f64.const 1)) (f64.const 128)) (f64.const 0.5)))))
    (local.set $c (f64.add (f64.const 1) (f64.div (f64.convert_i32_u (local.get $j)) (f64.const 128))))
    (call $twoSum (local.get $m) (local.get $c))
    (call $ddDiv (f64.sub (local.get $m) (local.get $c)) (f64.const 0) (global.get $H) (global.get $L))
    (local.set $fh (global.get $H))
    (local.set $fl (global.get $L))
    (call $ddMul (local.get $fh) (local.get $fl) (local.get $fh) (local.get $fl))
    (local.set $f2h (global.get $H))
    (local.set $f2l (global.get $L))
    ;; Horner over the 8 coefficients (COEF_HI at byte 2064, COEF_LO at 2128), from the last
    (local.set $sh (f64.load offset=2120 (i32.const 0)))
    (local.set $sl (f64.load offset=2184 (i32.const 0)))
    (local.set $k (i32.const 6))
    (block $done
      (loop $terms
        (br_if $done (i32.lt_s (local.get $k) (i32.const 0)))
        (call $ddMul (local.get $sh) (local.get $sl) (local.get $f2h) (local.get $f2l))
        (call $ddAdd (global.get $H) (global.get $L)
          (f64.load offset=2064 (i32.shl (local.get $k) (i32.const 3)))
          (f64.load offset=2128 (i32.shl (local.get $k) (i32.const 3))))
        (local.set $sh (global.get $H))
        (local.set $sl (global.get $L))
        (local.set $k (i32.sub (local.get $k) (i32.const 1)))
        (br $terms)))
    (call $ddMul (local.get $sh) (local.get $sl) (local.get $fh) (local.get $fl))
    (local.set $th (f64.mul (f64.const 2) (global.get $H)))
    (local.set $tl (f64.mul (f64.const 2) (global.get $L)))
    (call $ddAdd (local.get $th) (local.get $tl)
      (f64.load offset=0 (i32.shl (local.get $j) (i32.const 3)))
      (f64.load offset=1032 (i32.shl (local.get $j) (i32.const 3))))
    (if (i32.ne (local.get $e) (i32.const 0))
      (then
        (local.set $rh (global.get $H))
        (local.set $rl (global.get $L))
        (call $ddMul (f64.const 0x1.62e42fefa39efp-1) (f64.const 0x1.abc9e3b39803fp-56) (f64.convert_i32_s (local.get $e)) (f64.const 0))
        (call $ddAdd (global.get $H) (global.get $L) (local.get $rh) (local.get $rl))))
    (f64.add (global.get $H) (global.get $L))
  )
)
