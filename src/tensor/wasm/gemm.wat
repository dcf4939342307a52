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
)
