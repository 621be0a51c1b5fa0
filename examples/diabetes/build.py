"""
Builds the regression example: two releases of a disease-progression model on real data, and the
evidence report of the earlier one (the baseline the demo compares with).

Data: the diabetes data of Efron, Hastie, Johnstone & Tibshirani (2004, "Least Angle Regression"), as
scikit-learn ships it: 442 patients (age, sex, body mass index, blood pressure, six serum
measurements); the label is a quantitative measure of disease progression one year after baseline.
A seeded half trains, the other half (221 patients) is the held-out evaluation set.

- diabetes-progression 1.0.0 (the baseline): least squares on age, body mass index and blood pressure.
- diabetes-progression 1.1.0 (this release): least squares on every measurement but sex.

Each prediction carries a 90% interval: the prediction ± the training residuals' 90% absolute quantile.
Sensitive attributes: sex (coded 1 and 2 in the source data) and an age band.

Run from the repository root with Debian's python3-sklearn and python3-pandas, after `npm run bundle`:
  /usr/bin/python3 examples/diabetes/build.py
"""
import os
import subprocess

import numpy as np
import pandas as pd
from sklearn.datasets import load_diabetes
from sklearn.linear_model import LinearRegression

HERE = os.path.dirname(os.path.abspath(__file__))
raw = load_diabetes(scaled=False, as_frame=True).frame
test = np.random.default_rng(20261207).permutation(len(raw)) < len(raw) // 2
train, holdout = raw.loc[~test], raw.loc[test].reset_index()


def predictions(features):
    model = LinearRegression().fit(train[features], train["target"])
    half_width = float(np.quantile((model.predict(train[features]) - train["target"]).abs(), 0.9))
    p = model.predict(holdout[features])
    return pd.DataFrame(
        {
            "patient": holdout["index"],
            "sex": holdout["sex"].astype(int).astype(str),
            "age_band": pd.cut(holdout["age"], [0, 40, 55, 120], labels=["18-40", "41-55", "56+"]).astype(str),
            "progression": holdout["target"],
            "predicted": np.round(p, 4),
            "lower": np.round(p - half_width, 4),
            "upper": np.round(p + half_width, 4),
        }
    )


predictions([c for c in raw.columns if c not in ("target", "sex")]).to_csv(
    os.path.join(HERE, "eval", "predictions.csv"), index=False
)
baseline_dir = os.path.join(HERE, "baseline")
predictions(["age", "bmi", "bp"]).to_csv(os.path.join(baseline_dir, "predictions.csv"), index=False)
manifest = open(os.path.join(HERE, "rai-gate.yml")).read()
with open(os.path.join(baseline_dir, "rai-gate.yml"), "w") as f:
    f.write(manifest.replace("version: 1.1.0", "version: 1.0.0").replace("eval/", ""))
root = os.path.join(HERE, "..", "..")
subprocess.run(
    [
        "node",
        "dist/cli.js",
        "check",
        "--manifest",
        os.path.join(baseline_dir, "rai-gate.yml"),
        "--policy",
        os.path.join(HERE, "policies"),
        "--report",
        os.path.join(baseline_dir, "rai-gate-report.json"),
        "--fail-on",
        "never",
        "--format",
        "json",
    ],
    cwd=root,
    check=True,
    stdout=subprocess.DEVNULL,
)
for name in ("rai-gate.yml", "predictions.csv"):
    os.remove(os.path.join(baseline_dir, name))
