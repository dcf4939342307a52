"""Golden values for the linter's numeric evaluator (src/latex/evaluate*.ts).

Each case pairs a TeX formula with the same formula written in Python (math / numpy, CPython 3.11 +
NumPy 2.4) and an assignment of its variables; vectors are 1-based in TeX (z_1 is z[0]), matrices are
lists of rows. Writes test/fixtures/lint/reference-formula/evaluate/cases.json with the reference value
(null when Python finds it undefined). The unit test evaluates the TeX and compares within 1e-12.

Run: python3 scripts/golden/lint_evaluate.py
"""
import json
import math
import pathlib

import numpy as np

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "test" / "fixtures" / "lint" / "reference-formula" / "evaluate" / "cases.json"

z = [0.3, -1.2, 0.8]
y = [0.2, 0.5, 0.3]
yh = [0.1, 0.7, 0.2]
E = [[0.5, -0.25, 1.5], [2.0, 0.125, -1.0], [0.0, 0.75, -0.5]]
sig = lambda x: 1 / (1 + math.exp(-x))


def softmax(v, j):
    return math.exp(v[j]) / sum(math.exp(u) for u in v)


CASES = [
    # (name, tex, python value as a lambda of the env, env)
    ("softmax component", r"\frac{e^{z_j}}{\sum_k e^{z_k}}", lambda e: softmax(z, 1), {"z": z, "j": 2}),
    ("softmax with bounds", r"\frac{\exp(z_j)}{\sum_{k=1}^{K} \exp(z_k)}", lambda e: softmax(z, 2), {"z": z, "j": 3, "K": 3}),
    ("missing-exp softmax summed over j (LINT-RULES.md: -38.8)", r"\sum_{j=1}^{3} \frac{e^{z_j}}{\sum_{k=1}^{3} z_k}",
     lambda e: sum(math.exp(u) for u in z) / sum(z), {"z": z}),
    ("operator softmax", r"\operatorname{softmax}(\mathbf{z})_j", lambda e: softmax(z, 0), {"z": z, "j": 1}),
    ("cross-entropy", r"-\sum_i y_i \log \hat y_i", lambda e: -sum(a * math.log(b) for a, b in zip(y, yh)), {"y": y, "hat y": yh}),
    ("cross-entropy without its minus", r"\sum_{i=1}^{3} y_i \log(\hat{y}_i)", lambda e: sum(a * math.log(b) for a, b in zip(y, yh)), {"y": y, "hat y": yh}),
    ("binary cross-entropy", r"-\left(y\log\hat y + (1-y)\log(1-\hat y)\right)",
     lambda e: -(0.25 * math.log(0.625) + 0.75 * math.log(0.375)), {"y": 0.25, "hat y": 0.625}),
    ("entropy in bits", r"-\sum_i p_i \log_2 p_i", lambda e: -sum(a * math.log2(a) for a in y), {"p": y}),
    ("KL divergence", r"\sum_i p_i \log\frac{p_i}{q_i}", lambda e: sum(a * math.log(a / b) for a, b in zip(y, yh)), {"p": y, "q": yh}),
    ("sigmoid derivative", r"\sigma(x)(1-\sigma(x))", lambda e: sig(0.7) * (1 - sig(0.7)), {"x": 0.7}),
    ("sigmoid derivative, exponential form", r"\frac{e^{-x}}{(1+e^{-x})^2}", lambda e: math.exp(-0.7) / (1 + math.exp(-0.7)) ** 2, {"x": 0.7}),
    ("tanh derivative", r"1-\tanh^2(x)", lambda e: 1 - math.tanh(-1.3) ** 2, {"x": -1.3}),
    ("softplus", r"\operatorname{softplus}(x) + \log(1 + e^{x})", lambda e: 2 * math.log1p(math.exp(2.5)), {"x": 2.5}),
    ("ReLU two ways", r"\operatorname{ReLU}(x) + \max(0, x)", lambda e: 0.0, {"x": -0.4}),
    ("ReLU positive", r"\mathrm{ReLU}(x) \cdot 2", lambda e: 3.0, {"x": 1.5}),
    ("log-sum-exp", r"\log\sum_{k=1}^{3} e^{z_k}", lambda e: float(np.log(np.sum(np.exp(z)))), {"z": z}),
    ("Adam bias correction", r"\frac{m_t}{1-\beta_1^t}", lambda e: 0.4 / (1 - 0.9 ** 7), {"m": [0.0] * 6 + [0.4], "t": 7, "\\beta": [0.9, 0.999]}),
    ("Adam update", r"\theta - \alpha \frac{\hat m}{\sqrt{\hat v} + \epsilon}", lambda e: 1.0 - 0.001 * 0.2 / (math.sqrt(0.04) + 1e-8),
     {"\\theta": 1.0, "\\alpha": 0.001, "hat m": 0.2, "hat v": 0.04, "\\epsilon": 1e-8}),
    ("Glorot uniform bound", r"\sqrt{\frac{6}{n_{in}+n_{out}}}", lambda e: math.sqrt(6 / (256 + 128)), {"n_in": 256, "n_out": 128}),
    ("Glorot with text labels", r"\sqrt{\frac{6}{n_{\text{in}}+n_{\text{out}}}}", lambda e: math.sqrt(6 / (256 + 128)), {"n_in": 256, "n_out": 128}),
    ("He standard deviation with a fan as text", r"\sqrt{\frac{2}{\text{fan}_{\text{in}}}}", lambda e: math.sqrt(2 / 512), {"fan_in": 512}),
    ("mean squared error", r"\frac{1}{N}\sum_{i=1}^{N} (y_i - \hat y_i)^2", lambda e: sum((a - b) ** 2 for a, b in zip(y, yh)) / 3, {"y": y, "hat y": yh, "N": 3}),
    ("L2 penalty", r"\frac{\lambda}{2}\sum_j w_j^2", lambda e: 0.01 / 2 * (0.25 + 1.0 + 4.0), {"\\lambda": 0.01, "w": [0.5, -1.0, 2.0]}),
    ("batch norm", r"\gamma \frac{x - \mu}{\sqrt{\sigma^2 + \epsilon}} + \beta", lambda e: 1.5 * (0.9 - 0.2) / math.sqrt(0.09 + 1e-5) - 0.1,
     {"\\gamma": 1.5, "x": 0.9, "\\mu": 0.2, "\\sigma": 0.3, "\\epsilon": 1e-5, "\\beta": -0.1}),
    ("attention weight over a matrix of scores", r"\frac{\exp(e_{ij})}{\sum_{k=1}^{3} \exp(e_{ik})}",
     lambda e: math.exp(E[1][2]) / sum(math.exp(u) for u in E[1]), {"e": E, "i": 2, "j": 3}),
    ("product over an index range", r"\prod_{k=1}^{4} (1 + \frac{1}{k})", lambda e: 5.0, {}),
    ("inline slash and temperature", r"e^{z_j/T}", lambda e: math.exp(z[0] / 2.0), {"z": z, "j": 1, "T": 2.0}),
    ("scientific power", r"10^{-8} + 3 \times 10^{2}", lambda e: 1e-8 + 300, {}),
    ("sample superscripts", r"\sum_{i=1}^{3} y^{(i)} x^{(i)}", lambda e: sum(a * b for a, b in zip(y, [1.0, 2.0, 3.0])), {"y": y, "x": [1.0, 2.0, 3.0]}),
    ("log of zero is minus infinity", r"\log(1 - y)", lambda e: None, {"y": 1.0}),
    ("square root of a negative is undefined", r"\sqrt{x}", lambda e: None, {"x": -1.0}),
    ("absolute value and pi", r"|x| \cdot \pi", lambda e: 2.0 * math.pi, {"x": -2.0}),
]


def main():
    out = []
    for name, tex, value, env in CASES:
        v = value(env)
        out.append({"name": name, "tex": tex, "env": env, "value": None if v is None else float(v)})
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(out, indent=1) + "\n")
    print(f"{len(out)} cases")


if __name__ == "__main__":
    main()
