"""
Builds the multiclass fixture and its reference values.

Data: 1,200 synthetic patients routed to one of four care pathways (the label), from four numeric
measurements and two sensitive attributes, sex (2 groups) and region (3 groups, one small); the
pathway depends on the measurements and a little on region. Model: scikit-learn's multinomial
logistic regression on the measurements alone, trained on 600 rows; the fixture is the other 600,
with each class's probability in a column p_<class> (written at full precision, so that each row sums
to 1), and a `weight` column (1 or 3 by row parity) for the weighted references.

References: scikit-learn 1.2 (accuracy_score, balanced_accuracy_score, f1_score with average macro,
micro and weighted, log_loss, roc_auc_score one-vs-rest, precision_score and recall_score per class),
with and without sample_weight; the Brier score (mean over rows of Σ_k (p_k − y_k)²) and the
top-label ECE (10 equal-width bins of the top score, against "prediction is right") in numpy; per
group and per class as Fairlearn's MetricFrame computes them (the metric on the group's rows, one-vs-rest
for a class), and differences (max − min) and ratios (min / max) over groups of at least 30 rows, the
worst class over classes (Fairlearn is not packaged for Debian).

Run with Debian's python3-sklearn and python3-pandas: /usr/bin/python3 scripts/reference/multiclass.py
"""
import json
import os

import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import (accuracy_score, balanced_accuracy_score, f1_score, log_loss,
                             precision_score, recall_score, roc_auc_score)

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "__fixtures__", "multiclass")
MIN_GROUP_SIZE = 30
CLASSES = ["home", "clinic", "ward", "icu"]

rng = np.random.default_rng(20261207)
n = 1200
x = rng.normal(size=(n, 4))
sex = rng.choice(["female", "male"], size=n)
region = rng.choice(["north", "south", "islands"], size=n, p=[0.55, 0.4, 0.05])
logits = x @ rng.normal(size=(4, 4)) + np.where(region == "south", 0.4, 0.0)[:, None] * np.array([0, 0, 1, 0])
label = np.array([rng.choice(4, p=np.exp(l) / np.exp(l).sum()) for l in logits])
model = LogisticRegression(max_iter=1000).fit(x[:600], label[:600])
proba = model.predict_proba(x[600:])
frame = pd.DataFrame({"id": np.arange(600), "sex": sex[600:], "region": region[600:],
                      "label": [CLASSES[k] for k in label[600:]]})
for k, c in enumerate(CLASSES):
    frame["p_" + c] = proba[:, k]
frame["weight"] = np.where(np.arange(600) % 2 == 0, 1.0, 3.0)
path = os.path.join(OUT, "predictions.csv")
frame.to_csv(path, index=False, float_format="%.17g")

# The references are computed on the file as written (and read back).
data = pd.read_csv(path, dtype={"sex": str, "region": str, "label": str})
P = data[["p_" + c for c in CLASSES]].to_numpy()
Y = np.array([CLASSES.index(v) for v in data["label"]])
Yhat = P.argmax(axis=1)


def scores(rows, weighted):
    y, yhat, p = Y[rows], Yhat[rows], P[rows]
    w = data["weight"].to_numpy()[rows] if weighted else None
    onehot = np.eye(4)[y]
    top = p.max(axis=1)
    bins = np.minimum((top * 10).astype(int), 9)
    right = (y == yhat).astype(float)
    ww = np.ones(len(y)) if w is None else w
    ece = sum(abs(np.sum(ww[bins == b] * right[bins == b]) - np.sum(ww[bins == b] * top[bins == b]))
              for b in range(10)) / ww.sum()
    out = {
        "count": int(len(y)),
        "accuracy": accuracy_score(y, yhat, sample_weight=w),
        "macro_f1": f1_score(y, yhat, average="macro", sample_weight=w),
        "brier": float(np.average(((p - onehot) ** 2).sum(axis=1), weights=w)),
    }
    if len(rows) == len(Y):
        out.update({
            "balanced_accuracy": balanced_accuracy_score(y, yhat, sample_weight=w),
            "micro_f1": f1_score(y, yhat, average="micro", sample_weight=w),
            "weighted_f1": f1_score(y, yhat, average="weighted", sample_weight=w),
            "log_loss": log_loss(y, p, sample_weight=w, labels=range(4)),
            "top_label_ece": float(ece),
            "macro_auc": roc_auc_score(y, p, multi_class="ovr", average="macro", sample_weight=w),
        })
    return out


def class_rates(rows, weighted, k):
    y, yhat = Y[rows] == k, Yhat[rows] == k
    ww = np.ones(len(y)) if not weighted else data["weight"].to_numpy()[rows]
    rate = lambda num, den: float(np.sum(ww[num & den]) / np.sum(ww[den])) if np.sum(ww[den]) > 0 else None
    return {"selection_rate": rate(yhat, np.ones(len(y), bool)), "tpr": rate(yhat, y), "fpr": rate(yhat, ~y)}


expected = {"minGroupSize": MIN_GROUP_SIZE, "classes": CLASSES}
everything = np.arange(len(Y))
for weighted in (False, True):
    w = data["weight"].to_numpy() if weighted else None
    out = {"overall": scores(everything, weighted), "classes": {}, "groups": {}, "disparities": {}}
    rec = recall_score(Y, Yhat, average=None, labels=range(4), sample_weight=w)
    prec = precision_score(Y, Yhat, average=None, labels=range(4), sample_weight=w)
    for k, c in enumerate(CLASSES):
        out["classes"][c] = {
            "selection_rate": class_rates(everything, weighted, k)["selection_rate"],
            "recall": float(rec[k]),
            "precision": float(prec[k]),
            "auc": roc_auc_score(Y == k, P[:, k], sample_weight=w),
        }
    for attribute in ("sex", "region"):
        groups = {g: np.flatnonzero(data[attribute].to_numpy() == g) for g in sorted(set(data[attribute]))}
        out["groups"][attribute] = {
            g: {**scores(rows, weighted),
                "classes": {c: class_rates(rows, weighted, k) for k, c in enumerate(CLASSES)}}
            for g, rows in groups.items()
        }
        eligible = [g for g, rows in groups.items() if len(rows) >= MIN_GROUP_SIZE]
        spread = lambda vs: (max(vs) - min(vs), min(vs) / max(vs) if max(vs) > 0 else 1.0)
        d = {}
        for metric in ("accuracy", "macro_f1"):
            d[f"{metric}_difference"] = spread([out["groups"][attribute][g][metric] for g in eligible])[0]
        worst = {"demographic_parity_difference": -1, "demographic_parity_ratio": 2,
                 "equalized_odds_difference": -1, "equal_opportunity_difference": -1}
        per_class = {}
        for c in CLASSES:
            r = lambda m: [out["groups"][attribute][g]["classes"][c][m] for g in eligible]
            dp = spread(r("selection_rate"))
            tpr = spread(r("tpr"))[0]
            fpr = spread(r("fpr"))[0]
            per_class[c] = {"demographic_parity_difference": dp[0], "demographic_parity_ratio": dp[1],
                            "equalized_odds_difference": max(tpr, fpr), "equal_opportunity_difference": tpr}
            for m, v in per_class[c].items():
                worst[m] = min(worst[m], v) if m.endswith("ratio") else max(worst[m], v)
        d.update(worst)
        d["classes"] = per_class
        out["disparities"][attribute] = d
    expected["weighted" if weighted else "unweighted"] = out
with open(os.path.join(OUT, "expected.json"), "w") as f:
    json.dump(expected, f, indent=2)
    f.write("\n")
