"""
Builds the regression fixture: a real model on real data, and the reference values of its metrics.

Data: the diabetes data of Efron, Hastie, Johnstone & Tibshirani (2004, "Least Angle Regression"), as
scikit-learn ships it (442 patients: age, sex, body mass index, blood pressure, six blood serum
measurements; the label is a measure of disease progression one year later). Model: scikit-learn's
ordinary least squares on every feature but sex, trained on a seeded half, evaluated on the other half.
Its 90% prediction interval is the prediction ± the training residuals' 90% absolute quantile.
Sensitive attributes: sex (1, 2) and age_band. A `weight` column (1 or 2 by row parity) gives the
weighted references.

References: scikit-learn 1.2 (mean_absolute_error, mean_squared_error, r2_score, each with and
without sample_weight), per group as Fairlearn's MetricFrame computes them (the metric on the group's
rows), and differences (max − min) and ratios (min / max) over the groups of at least minGroupSize rows,
as MetricFrame.difference() and .ratio() do (Fairlearn is not packaged for Debian; its by-group values
are scikit-learn's on each group's rows, which is what this computes).

Run with Debian's python3-sklearn and python3-pandas: /usr/bin/python3 scripts/reference/diabetes.py
"""
import json
import os

import numpy as np
import pandas as pd
from sklearn.datasets import load_diabetes
from sklearn.linear_model import LinearRegression
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "__fixtures__", "diabetes")
MIN_GROUP_SIZE = 30

raw = load_diabetes(scaled=False, as_frame=True).frame
rng = np.random.default_rng(20261207)
test = rng.permutation(len(raw)) < len(raw) // 2
features = [c for c in raw.columns if c not in ("target", "sex")]
model = LinearRegression().fit(raw.loc[~test, features], raw.loc[~test, "target"])
train_residuals = (model.predict(raw.loc[~test, features]) - raw.loc[~test, "target"]).abs()
half_width = float(np.quantile(train_residuals, 0.9))

holdout = raw.loc[test].reset_index()
prediction = model.predict(holdout[features])
frame = pd.DataFrame(
    {
        "id": holdout["index"],
        "sex": holdout["sex"].astype(int).astype(str),
        "age_band": pd.cut(holdout["age"], [0, 40, 55, 120], labels=["18-40", "41-55", "56+"]).astype(str),
        "label": holdout["target"],
        "prediction": np.round(prediction, 6),
        "lower": np.round(prediction - half_width, 6),
        "upper": np.round(prediction + half_width, 6),
        "weight": np.where(holdout.index % 2 == 0, 1.0, 2.0),
    }
)
frame.to_csv(os.path.join(OUT, "predictions.csv"), index=False)


def metrics(rows, weighted):
    y = rows["label"].to_numpy()
    p = rows["prediction"].to_numpy()
    w = rows["weight"].to_numpy() if weighted else None
    covered = ((rows["lower"] <= rows["label"]) & (rows["label"] <= rows["upper"])).to_numpy()
    return {
        "count": int(len(rows)),
        "mae": mean_absolute_error(y, p, sample_weight=w),
        "rmse": mean_squared_error(y, p, sample_weight=w, squared=False),
        "r2": r2_score(y, p, sample_weight=w),
        "mean_label": float(np.average(y, weights=w)),
        "mean_prediction": float(np.average(p, weights=w)),
        "mean_residual": float(np.average(p - y, weights=w)),
        "interval_coverage": float(np.average(covered, weights=w)),
    }


GROUP = ["count", "mae", "rmse", "mean_prediction", "mean_residual", "interval_coverage"]
SPREADS = {"mae": True, "rmse": True, "mean_prediction": True, "mean_residual": False, "interval_coverage": False}
expected = {"minGroupSize": MIN_GROUP_SIZE, "halfWidth": half_width}
for weighted in (False, True):
    out = {"overall": metrics(frame, weighted), "groups": {}, "disparities": {}}
    for attribute in ("sex", "age_band"):
        by_group = {g: metrics(rows, weighted) for g, rows in frame.groupby(attribute)}
        out["groups"][attribute] = {g: {k: m[k] for k in GROUP} for g, m in by_group.items()}
        eligible = [m for m in by_group.values() if m["count"] >= MIN_GROUP_SIZE]
        for of, ratio in SPREADS.items():
            values = [m[of] for m in eligible]
            out["disparities"].setdefault(attribute, {})[f"{of}_difference"] = max(values) - min(values)
            if ratio:
                out["disparities"][attribute][f"{of}_ratio"] = min(values) / max(values)
    expected["weighted" if weighted else "unweighted"] = out
with open(os.path.join(OUT, "expected.json"), "w") as f:
    json.dump(expected, f, indent=2)
    f.write("\n")
