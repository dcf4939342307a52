// Moving and picking elements by position: moveaxis (numpy/_core/numeric.py), take
// (PyArray_TakeFrom, mode 'raise'), pad (numpy/lib/_arraypad_impl.py, modes 'constant' and 'edge').

import { normAxis, TensorError, valueError } from './errors';
import { NDArray } from './ndarray';
import { transpose } from './shape';

/** normalize_axis_tuple with an argument name: AxisError "source: axis 3 is out of …", repeats refused. */
export function axesNamed(axes: number | readonly number[], ndim: number, name: string): number[] {
  const list = (typeof axes === 'number' ? [axes] : axes).map((ax) => {
    try {
      return normAxis(ax, ndim);
    } catch (e) {
      throw new TensorError('numpy.exceptions.AxisError', `${name}: ${(e as Error).message}`);
    }
  });
  if (new Set(list).size !== list.length) throw valueError(`repeated axis in \`${name}\` argument`);
  return list;
}

/** `np.moveaxis(a, source, destination)`: a view with the axes moved, the others in order. */
export function moveaxis(a: NDArray, source: number | readonly number[], destination: number | readonly number[]): NDArray {
  const src = axesNamed(source, a.ndim, 'source'), dst = axesNamed(destination, a.ndim, 'destination');
  if (src.length !== dst.length) throw valueError('`source` and `destination` arguments must have the same number of elements');
  const order = [...Array(a.ndim).keys()].filter((d) => !src.includes(d));
  for (const [d, s] of dst.map((d, i) => [d, src[i]]).sort((x, y) => x[0] - y[0] || x[1] - y[1])) order.splice(d, 0, s);
  return transpose(a, order);
}
