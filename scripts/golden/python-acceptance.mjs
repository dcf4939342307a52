// Builds the acceptance program for `pizarra exec`: the writer's two python blocks from the seed
// article (sgd_update, DenseLayer) with `import numpy as np` added, plus a training loop that uses
// both, and records what CPython + NumPy print. Output: test/fixtures/python/acceptance/mlp.py,
// mlp.expected.json. Usage: node scripts/golden/python-acceptance.mjs [path/to/article.md]
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const article = process.argv[2] ?? '/work/shared/seed/matematicas-tras-el-aprendizaje-profundo.md';
const md = readFileSync(article, 'utf8');
const blocks = [...md.matchAll(/```python\n([\s\S]*?)```/g)].map((m) => m[1]);
if (blocks.length !== 2) throw new Error(`expected 2 python blocks, found ${blocks.length}`);
const loop = `
# Training loop (added for the acceptance test): a 2-layer MLP on a synthetic regression task.
np.random.seed(42)
X = np.random.randn(100, 4)
true_w = np.array([[1.5], [-2.0], [0.5], [0.0]])
y = np.tanh(X @ true_w) + 0.1 * np.random.randn(100, 1)

layer1 = DenseLayer(4, 8)
layer2 = DenseLayer(8, 1)
learning_rate = 0.05
for epoch in range(101):
    hidden = layer1.forward(X)
    activated = np.maximum(hidden, 0)
    pred = layer2.forward(activated)
    loss = np.mean((pred - y) ** 2)
    grad = 2 * (pred - y) / len(X)
    grad_hidden = layer2.backward(grad, learning_rate) * (hidden > 0)
    layer1.backward(grad_hidden, learning_rate)
    if epoch % 20 == 0:
        print(f"epoch {epoch:3d}  loss {loss:.6f}")

print("layer2.W.T =", layer2.W.T)
print("layer2.b =", layer2.b)
print("predictions:", pred[:5].ravel())

# sgd_update mutates the parameter arrays in place (param -= ...), as the article says.
params = [np.ones((2, 2)), np.zeros(3)]
grads = [np.array([[0.5, 1.0], [1.5, 2.0]]), np.array([1.0, -1.0, 0.5])]
updated = sgd_update(params, grads, 0.1)
print(updated[0])
print(params[1], updated[1] is params[1])
`;
const program = 'import numpy as np\n\n' + blocks[0] + '\n' + blocks[1] + loop;
const dir = path.join(root, 'test', 'fixtures', 'python', 'acceptance');
const file = path.join(dir, 'mlp.py');
writeFileSync(file, program);
const r = spawnSync('python3', [file], { cwd: dir, encoding: 'utf8' });
writeFileSync(path.join(dir, 'mlp.expected.json'), JSON.stringify({ stdout: r.stdout, stderr: r.stderr.split(dir + path.sep).join(''), exit: r.status }, null, 1) + '\n');
console.log(r.stdout + r.stderr);
