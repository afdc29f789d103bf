#!/usr/bin/env python3
"""Writes examples/customers.csv: 600 made-up customers of a subscription
service, with a `churned` label (imbalanced), a `region` group column and
text fields that need CSV quoting (commas, doubled quotes). Uses only the
standard library and a fixed seed, so the file is reproducible:

    python3 examples/gen_customers.py > examples/customers.csv
"""
import csv
import random
import sys

rng = random.Random(20240601)
cities = [
    ("Austin, TX", "south"), ("Boston, MA", "east"), ("Chicago, IL", "midwest"),
    ("Denver, CO", "west"), ("Miami, FL", "south"), ("Portland, OR", "west"),
    ("Seattle, WA", "west"), ("New York, NY", "east"), ("Detroit, MI", "midwest"),
    ("Phoenix, AZ", "west"), ("Atlanta, GA", "south"), ("Madison, WI", "midwest"),
]
plans = [("basic", 9.99), ("standard", 19.99), ("premium", 39.99)]
notes = [
    "", "", "", "", "paid annually", 'asked about the "family" plan',
    "moved, kept account", "referred a friend", "support ticket: login, billing",
    'said "too expensive"', "",
]

w = csv.writer(sys.stdout, lineterminator="\n")
w.writerow(["customer_id", "age", "city", "region", "plan", "tenure_months",
            "monthly_spend", "support_calls", "note", "churned"])
for i in range(600):
    city, region = rng.choice(cities)
    plan, price = rng.choices(plans, weights=[5, 3, 2])[0]
    tenure = rng.randint(1, 72)
    calls = min(int(rng.expovariate(0.7)), 12)
    spend = round(price * rng.uniform(0.9, 1.4), 2)
    risk = 0.08 + 0.05 * calls - 0.002 * tenure + (0.1 if plan == "premium" else 0)
    churned = 1 if rng.random() < max(risk, 0.02) else 0
    w.writerow([1000 + i, rng.randint(18, 80), city, region, plan, tenure,
                "%.2f" % spend, calls, rng.choice(notes), churned])
