#!/usr/bin/env python3
"""Writes N varied answers objects as JSON lines (default 100000) for the batch benchmark.

    python3 bench/gen-batch.py 100000 > target/batch-100k.jsonl

Deterministic (fixed seed). Every line is valid unless --bad K is given, which makes every K-th line
invalid (alternating malformed JSON and an out-of-range value) to exercise the error records.
"""
import json
import random
import sys


def main():
    args = sys.argv[1:]
    bad_every = 0
    if "--bad" in args:
        i = args.index("--bad")
        bad_every = int(args[i + 1])
        del args[i:i + 2]
    n = int(args[0]) if args else 100000
    rnd = random.Random(20240601)
    out = sys.stdout
    for k in range(1, n + 1):
        if bad_every and k % bad_every == 0:
            out.write('{"knowledge_change": "MONTHLY", "query_variety": \n' if (k // bad_every) % 2
                      else json.dumps({"knowledge_change": "HOURLY", "query_variety": "WIDE", "monthly_queries": -5,
                                       "hosting_infrastructure": True, "training_examples": 10}) + "\n")
            continue
        size = rnd.choice(["7B", "70B", "405B"])
        a = {
            "knowledge_change": rnd.choice(["RARELY", "MONTHLY", "WEEKLY", "DAILY"]),
            "query_variety": rnd.choice(["REPETITIVE", "MIXED", "WIDE"]),
            "monthly_queries": rnd.choice([500, 1000, 8000, 10000, 25000, 100000, 1000000, 20000000]),
            "hosting_infrastructure": rnd.random() < 0.5,
            "training_examples": rnd.choice([0, 50, 100, 500, 1000, 5000, 10000, 200000]),
            "model_size": size,
        }
        if size == "405B" or rnd.random() < 0.3:
            a["inference_monthly_usd"] = rnd.choice([50, 400, 1000, 5000])
        optional = {
            "domain_consistency": ["CONSISTENT", "EVOLVING"],
            "documents_cover_answers": ["MOSTLY", "PARTLY", "RARELY"],
            "out_of_domain_queries": ["RARE", "SOMETIMES", "OFTEN"],
            "latency_sensitivity": ["LOW", "MEDIUM", "HIGH"],
            "latency_budget_ms": [100, 300, 1000, 5000],
            "on_prem_required": [True, False],
            "audit_trail_required": [True, False],
            "cost_model_preference": ["PREDICTABLE", "PAY_PER_USE", "NO_PREFERENCE"],
            "style_format_needs": [True, False],
            "examples_labeled": [True, False],
            "horizon_months": [6, 12, 24, 36],
            "retrains_per_year": [0, 1, 4, 12, 52],
            "vector_db_monthly_usd": [20, 50, 500],
            "retrieval_cost_per_query_usd": [0.001, 0.01, 0.1],
        }
        for key, values in optional.items():
            if rnd.random() < 0.5:
                a[key] = rnd.choice(values)
        out.write(json.dumps(a, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
