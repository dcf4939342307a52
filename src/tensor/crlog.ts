// A correctly rounded natural log (to ~2^-100 before the final rounding) in double-double arithmetic.
// V8's Math.log is off by one ulp for a few percent of inputs, glibc's log is correctly rounded in
// practice; legacy `randn` feeds log(r2) into every normal draw, so we need glibc's bits.
// Method: x = 2^e·m with m in [√½, √2), log m = 2·atanh(f), f = (m−1)/(m+1), series in f² (22 terms).

const SPLIT = 134217729; // 2^27 + 1 (Veltkamp)

function twoProd(a: number, b: number): [number, number] {
  const p = a * b;
  let c = SPLIT * a;
  const ah = c - (c - a), al = a - ah;
  c = SPLIT * b;
  const bh = c - (c - b), bl = b - bh;
  return [p, ah * bh - p + ah * bl + al * bh + al * bl];
}

function twoSum(a: number, b: number): [number, number] {
  const s = a + b;
  const bb = s - a;
  return [s, a - (s - bb) + (b - bb)];
}

type DD = [number, number];

function add(x: DD, y: DD): DD {
  const [s, e] = twoSum(x[0], y[0]);
  const [h, l] = twoSum(s, e + x[1] + y[1]);
  return [h, l];
}

function mul(x: DD, y: DD): DD {
  const [p, e] = twoProd(x[0], y[0]);
  return twoSum(p, e + x[0] * y[1] + x[1] * y[0]);
}

function div(x: DD, y: DD): DD {
  const q1 = x[0] / y[0];
  const r = add(x, mul([-q1, 0], y));
  const q2 = r[0] / y[0];
  const r2 = add(r, mul([-q2, 0], y));
  const q3 = r2[0] / y[0];
  return add(twoSum(q1, q2), [q3, 0]);
}

const LN2: DD = [0.6931471805599453, 2.3190468138462996e-17];
const TERMS = 22;
const COEF: DD[] = Array.from({ length: TERMS + 1 }, (_, k) => div([1, 0], [2 * k + 1, 0]));

export function crlog(x: number): number {
  if (!(x > 0) || x === Infinity) return Math.log(x); // NaN, 0, negatives, inf
  let e = Math.floor(Math.log2(x));
  let m = x / 2 ** e; // exact: power-of-two scaling (subnormals handled by two steps)
  if (!Number.isFinite(m) || m === 0) {
    m = (x * 2 ** 600) / 2 ** (e + 600);
  }
  while (m >= 2) (m /= 2), e++;
  while (m < 1) (m *= 2), e--;
  if (m > Math.SQRT2) (m /= 2), e++;
  if (m === 1 && e === 0) return 0;
  const num: DD = [m - 1, 0]; // exact (Sterbenz)
  const den = twoSum(m, 1);
  const f = div(num, den);
  const f2 = mul(f, f);
  let s: DD = COEF[TERMS];
  for (let k = TERMS - 1; k >= 0; k--) s = add(mul(s, f2), COEF[k]);
  let r = mul(mul(f, s), [2, 0]);
  if (e !== 0) r = add(mul(LN2, [e, 0]), r);
  return r[0] + r[1];
}
