// Word lists shared by the typographic rules: function names that must be upright, and the words writers
// put in subscripts (`n_{in}`, `L_{train}`). Collected from ML course notes and errata (CS231n, d2l.ai,
// the Deep Learning book's notation page); all lower case.

/** Operators KaTeX defines as commands (`\log`); the fix writes the command. */
export const KATEX_OPERATORS = new Set([
  'arccos', 'arcsin', 'arctan', 'arg', 'argmax', 'argmin', 'cos', 'cosh', 'cot', 'coth', 'csc', 'deg', 'det', 'dim',
  'exp', 'gcd', 'hom', 'inf', 'ker', 'lg', 'lim', 'liminf', 'limsup', 'ln', 'log', 'max', 'min', 'sec', 'sin', 'sinh',
  'sup', 'tan', 'tanh',
]);

/** Function names with no KaTeX command; the fix writes `\operatorname{…}`. Matched case-insensitively. */
export const NAMED_FUNCTIONS = new Set([
  'softmax', 'softplus', 'sigmoid', 'relu', 'leakyrelu', 'gelu', 'elu', 'selu', 'swish', 'silu', 'mish', 'logsumexp',
  'sign', 'sgn', 'diag', 'tr', 'trace', 'rank', 'var', 'cov', 'corr', 'std', 'erf', 'erfc', 'clip', 'layernorm',
  'batchnorm', 'attention', 'concat', 'dropout', 'mse', 'mae', 'rmse', 'kl', 'logit', 'logits', 'prox', 'vec',
  'relu6', 'argsort', 'topk', 'sinc', 'dist', 'proj', 'span', 'supp',
]);

/** Operators whose limits go under them in display style (`\operatorname*`). */
export const LIMIT_OPERATORS = new Set(['argmax', 'argmin', 'max', 'min', 'sup', 'inf', 'lim', 'topk']);

/** Short names that read as products of letters unless they are followed by an argument in parentheses. */
export const SHORT_NAMES = new Set(['ln', 'lg', 'tr', 'kl', 'arg', 'sin', 'cos', 'tan', 'cot', 'sec', 'csc', 'deg', 'dim', 'ker', 'hom', 'var', 'cov', 'std', 'vec', 'mse', 'mae', 'elu', 'erf', 'inf', 'sup', 'det', 'gcd', 'span', 'rank', 'dist', 'proj', 'sign', 'sgn', 'clip']);

/** Words used as subscript labels. */
export const SUBSCRIPT_WORDS = new Set([
  'in', 'out', 'train', 'test', 'val', 'valid', 'dev', 'pred', 'true', 'max', 'min', 'avg', 'mean', 'std', 'var',
  'kl', 'mse', 'mae', 'ce', 'bce', 'nll', 'emb', 'hid', 'hidden', 'enc', 'dec', 'model', 'data', 'total', 'init',
  'new', 'old', 'ff', 'ffn', 'attn', 'head', 'heads', 'batch', 'eff', 'opt', 'tgt', 'src', 'obs', 'noise', 'real',
  'fake', 'gen', 'disc', 'reg', 'loss', 'cls', 'seq', 'vocab', 'ctx', 'lr', 'query', 'key', 'value', 'fan',
  'prior', 'post', 'target', 'policy', 'critic', 'actor', 'prev', 'next', 'best', 'worst', 'final', 'input',
  'output', 'layer', 'dim', 'rec', 'recon', 'adv', 'clean', 'sample', 'samples', 'local', 'global', 'sgd', 'adam',
  'mle', 'map', 'gt', 'pos', 'neg', 'ref', 'aux', 'sup', 'unsup', 'pre', 'fine', 'student', 'teacher',
]);
