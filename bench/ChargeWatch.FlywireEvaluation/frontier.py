#!/usr/bin/env python3
"""flywire.household's frontier: misses / late / false alerts of a candidate model at each threshold,
from every question the detector asks on a range of nights (docs/flywire.md, "Round ten").

The detector's state before its first alert does not depend on the threshold, so the first ask whose
probability reaches a threshold is the first alert the detector would raise with it. That turns the
harness's minutes per setting into a second per setting, and lets other models be scored on the same
asks. Only the first alert of a night is scored (the harness scores every alert; on 5,000 nights the
two agreed within 7 misses, 2 late and 2 false alerts).

  # the asks (none fires) and the nights' truth, on nights no model was trained on:
  dotnet run -c Release --project bench/ChargeWatch.FlywireEvaluation -- candidates 40000 5000 /tmp/asks/a.csv
  dotnet run -c Release --project bench/ChargeWatch.FlywireEvaluation -- candidates 45000 5000 /tmp/asks/b.csv
  # the compiled model's frontier; another compiled model's; a variant trained here (needs scikit-learn)
  bench/ChargeWatch.FlywireEvaluation/frontier.py /tmp/asks
  bench/ChargeWatch.FlywireEvaluation/frontier.py /tmp/asks --model path/to/CandidateModel.Trees.cs
  bench/ChargeWatch.FlywireEvaluation/frontier.py /tmp/asks --train /tmp/train-asks --variant early3
  # with round thirteen's lower threshold for a load on 38–47 min (NearDeadlineProbabilityMin)
  bench/ChargeWatch.FlywireEvaluation/frontier.py /tmp/asks --thresholds 0.97 --near-deadline 0.94
  # and round twenty-nine's for a load on longer than that on a meter without pf (LongOnWithoutPowerFactorProbabilityMin)
  bench/ChargeWatch.FlywireEvaluation/frontier.py /tmp/asks --thresholds 0.987 --near-deadline 0.89 --long-on-without-pf 0.97

Needs numpy and pandas (Debian: python3-numpy python3-pandas; python3-sklearn for --train).
"""
import argparse
import glob
import os
import re

import numpy as np
import pandas as pd

TICKS_PER_MINUTE = 600_000_000
FEATURES_FROM = 4  # seed, ticks, label, probability, then the model's features
PF_DEADLINE, TAPER_DEADLINE = 45, 15  # minutes after the charge's start (pf) or its taper's (no pf)
TAPER_PATH, TRACK_PATH = 3, 4  # CandidatePath values: candidates that do not start with a switch-on
NEAR_DEADLINE_MINUTES = (38, 47)  # NearDeadlineFrom, NearDeadlineUntil: a load's age


def read_asks(folder):
    files = sorted(f for f in glob.glob(os.path.join(folder, '*.csv')) if not f.endswith('.nights.csv'))
    asks = pd.concat([pd.read_csv(f) for f in files], ignore_index=True)
    asks = asks.sort_values(['seed', 'ticks'], kind='stable').reset_index(drop=True)
    nights = pd.concat([pd.read_csv(f) for f in sorted(glob.glob(os.path.join(folder, '*.nights.csv')))], ignore_index=True)
    return asks, nights.set_index('seed')


def first_alerts(asks, nights, fires):
    """Misses, late and false alerts, per meter kind, when the asks marked in `fires` would fire."""
    n = nights.copy()
    n['alert'] = asks.loc[fires, ['seed', 'ticks']].groupby('seed')['ticks'].min().reindex(n.index)
    alerted = n['alert'].notna()
    in_charge = alerted & (n['charge_start'] > 0) & (n['alert'] >= n['charge_start']) & (n['alert'] <= n['judged_until'])
    owed = n['owed'] == 1
    detected = in_charge & owed
    reference = np.where(n['pf'] == 1, n['charge_start'], n['taper_start'])
    delay = (n['alert'] - reference) / TICKS_PER_MINUTE
    late = detected & (delay > np.where(n['pf'] == 1, PF_DEADLINE, TAPER_DEADLINE))
    miss = owed & ~detected
    false_alert = alerted & ~in_charge
    return {kind: (int((miss & sel).sum()), int((late & sel).sum()), int((false_alert & sel).sum()))
            for kind, sel in (('pf', n['pf'] == 1), ('no pf', n['pf'] == 0), ('all', n['pf'] >= 0))}


def compiled_model(path):
    """The arrays of a generated CandidateModel.Trees.cs."""
    text = open(path).read()

    def array(name, kind):
        return np.array([kind(v) for v in re.search(name + r' = \[(.*?)\];', text, re.S).group(1).split(',')])
    bias = float(re.search(r'Bias = ([-0-9.Ee+]+);', text).group(1))
    return bias, array('Roots', int), array('Features', int), array('Thresholds', float), array('Lefts', int), array('Rights', int)


def compiled_probability(model, x):
    """TreeEnsemble.Probability over many rows: a value at or below a node's threshold goes left."""
    bias, roots, features, thresholds, lefts, rights = model
    rows = np.arange(len(x))
    total = np.full(len(x), bias)
    for root in roots:
        node = np.full(len(x), root)
        while (features[node] >= 0).any():
            inner = features[node] >= 0
            value = x[rows, np.where(inner, features[node], 0)]
            node = np.where(inner, np.where(value <= thresholds[node], lefts[node], rights[node]), node)
        total += thresholds[node]
    return 1 / (1 + np.exp(-total))


def trained_model(train_folder, variant, columns, seed=0):
    """A scikit-learn model of round nine's shape (300 trees of depth 4), with a variant's change (depth8-clean-early3 is the shipped one)."""
    from sklearn.ensemble import HistGradientBoostingClassifier
    train, train_nights = read_asks(train_folder)
    truth = train_nights.reindex(train['seed'])
    since_charge = (train['ticks'].to_numpy() - truth['charge_start'].to_numpy()) / TICKS_PER_MINUTE
    candidate_start = train['ticks'] - train['min_since_start'] * TICKS_PER_MINUTE
    early = (train['label'] == 1).to_numpy() & (truth['pf'] == 1).to_numpy() & (since_charge <= PF_DEADLINE)
    # "clean": a candidate during a charge counts as the charger only if it started with it (steps)
    # or is a taper or a track; other candidates during a charge (a refrigerator's run) are left out.
    clean = ((train['label'] == 0) | ((candidate_start - truth['charge_start'].to_numpy()).abs() <= 10 * TICKS_PER_MINUTE)
             | train['path'].isin([TAPER_PATH, TRACK_PATH])).to_numpy()
    depth, trees, leaves, weight, keep = 4, 300, 31, np.ones(len(train)), np.ones(len(train), bool)
    if variant in ('early3', 'clean-early3', 'depth6-early3', 'depth6-clean-early3', 'depth8-clean-early3'):
        weight = np.where(early, 3.0, 1.0)
    if variant in ('clean', 'clean-early3', 'depth6-clean-early3', 'depth8-clean-early3'):
        keep = clean
    if variant in ('depth6', 'depth6-early3', 'depth6-clean-early3'):
        depth, trees = 6, 600
    if variant == 'depth8-clean-early3':
        depth, trees, leaves = 8, 600, 63
    model = HistGradientBoostingClassifier(max_iter=trees, max_depth=depth, learning_rate=0.1, l2_regularization=5,
                                           min_samples_leaf=30, max_leaf_nodes=leaves, early_stopping=False, random_state=seed)
    model.fit(train.loc[keep, columns].to_numpy(), train.loc[keep, 'label'].to_numpy(), sample_weight=weight[keep])
    return model, f'{trees} trees of depth {depth}, at most {leaves} leaves (scikit-learn {variant}), learning rate 0.1, L2 5, at least 30 candidates a leaf'


def export(model, description, path, class_name='CandidateModel'):
    """The scikit-learn trees as CandidateModel.Trees.cs (or another class's): a value at or below a node's threshold goes left, as there."""
    roots, features, thresholds, lefts, rights = [], [], [], [], []
    for (tree,) in model._predictors:
        offset = len(features)
        roots.append(offset)
        for node in tree.nodes:
            leaf = bool(node['is_leaf'])
            features.append(-1 if leaf else int(node['feature_idx']))
            thresholds.append(float(node['value'] if leaf else node['num_threshold']))
            lefts.append(-1 if leaf else offset + int(node['left']))
            rights.append(-1 if leaf else offset + int(node['right']))
    write_model(path, description, class_name, float(model._baseline_prediction.ravel()[0]), roots, features, thresholds, lefts, rights)


def write_model(path, description, class_name, bias, roots, features, thresholds, lefts, rights):
    def join(values):
        return ', '.join(repr(v) for v in values)
    with open(path, 'w') as out:
        out.write("// Generated by bench/ChargeWatch.FlywireEvaluation/frontier.py --export (docs/flywire.md): do not edit by hand.\n")
        out.write(f"// {description}.\n")
        out.write(f"namespace ChargeWatch.Core.Rules.FlywireHousehold;\n\ninternal static partial class {class_name}\n{{\n")
        out.write(f"    private const double Bias = {bias!r};\n")
        for name, kind, values in (('Roots', 'int', roots), ('Features', 'int', features), ('Thresholds', 'double', thresholds),
                                   ('Lefts', 'int', lefts), ('Rights', 'int', rights)):
            out.write(f"    private static readonly {kind}[] {name} = [{join(values)}];\n")
        out.write("    // After the arrays: static fields start in the order they are written, within one file.\n")
        out.write("    internal static readonly TreeEnsemble Ensemble = new(Bias, Roots, Features, Thresholds, Lefts, Rights);\n")
        out.write("}\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('asks', help='folder of `candidates` files (and their .nights.csv)')
    parser.add_argument('--thresholds', default='0.85,0.9,0.93,0.95')
    parser.add_argument('--near-deadline', type=float, help='NearDeadlineProbabilityMin to score with each threshold (round thirteen; default: none)')
    parser.add_argument('--long-on-without-pf', type=float, help='LongOnWithoutPowerFactorProbabilityMin: loads on past the near-deadline window on meters without pf (round twenty-nine; default: none)')
    parser.add_argument('--model', help='a generated CandidateModel.Trees.cs to score instead of the probabilities asked')
    parser.add_argument('--train', help='folder of `candidates` files to train a scikit-learn variant on')
    parser.add_argument('--variant', default='plain', choices=['plain', 'early3', 'clean', 'clean-early3', 'depth6', 'depth6-early3', 'depth6-clean-early3', 'depth8-clean-early3'])
    parser.add_argument('--seed', type=int, default=0, help='random_state of the training: it bins each feature on a random sample (docs/flywire.md, item 89)')
    parser.add_argument('--export', help='with --train: write the trained model as CandidateModel.Trees.cs here')
    parser.add_argument('--class-name', default='CandidateModel', help='with --export: the partial class the trees belong to (SlowMeterCandidateModel: round thirty-one)')
    parser.add_argument('--export-empty', action='store_true', help='write an empty model as --class-name to the path given as asks, and stop')
    args = parser.parse_args()
    if args.export_empty:
        # What the detector asks next depends on the probabilities it got, so a model's questions are
        # collected with none of its kind compiled in (docs/flywire.md, items 119 and 120).
        write_model(args.asks, 'empty: no model of this kind', args.class_name, 0.0, [], [], [], [], [])
        return
    asks, nights = read_asks(args.asks)
    columns = list(asks.columns[FEATURES_FROM:])
    if args.model:
        probability = compiled_probability(compiled_model(args.model), asks[columns].to_numpy())
    elif args.train:
        model, description = trained_model(args.train, args.variant, columns, args.seed)
        probability = model.predict_proba(asks[columns].to_numpy())[:, 1]
        if args.export:
            export(model, description, args.export, args.class_name)
            # The exported trees must read as scikit-learn reads them.
            exported = compiled_probability(compiled_model(args.export), asks[columns].to_numpy())
            print(f"exported {len(model._predictors)} trees -> {args.export}; largest difference {np.abs(exported - probability).max():.2e}")
    else:
        probability = asks['probability'].to_numpy()
    print(f"{len(nights)} nights, {int(nights['owed'].sum())} charges owed, {len(asks)} asks; misses / late / false alerts")
    for threshold in (float(t) for t in args.thresholds.split(',')):
        fires = probability >= threshold
        if args.near_deadline is not None:
            age = asks['min_since_start']
            fires |= (probability >= args.near_deadline) & (age >= NEAR_DEADLINE_MINUTES[0]) & (age <= NEAR_DEADLINE_MINUTES[1])
        if args.long_on_without_pf is not None:
            fires |= (probability >= args.long_on_without_pf) & (asks['min_since_start'] > NEAR_DEADLINE_MINUTES[1]) & (asks['pf_reported'] == 0)
        score = first_alerts(asks, nights, fires)
        print(f"p >= {threshold:<5}  " + '   '.join(f"{kind} {m} / {l} / {f}" for kind, (m, l, f) in score.items()))


if __name__ == '__main__':
    main()
