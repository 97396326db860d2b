#!/usr/bin/env python3
"""PyVRP on the 56 Solomon instances at a fixed time each, for a side-by-side run with `solomon-benchmark`.

PyVRP is a peer, never a dependency: `pip install pyvrp` (measured with 0.14.1), then
    python3 Benchmarks/pyvrp-solomon.py [--seconds 5] [--only C101,R101]
Data fed as Benchmarks/Data/solomon/peers.md says: integers ×100, arc cost rounded, travel time rounded up so
that a solution PyVRP finds feasible is feasible in double precision; fleet K of the instance. The distance
printed is recomputed from the routes in double precision, and every solution is checked (each customer once,
capacity, windows in double precision, depot return, at most K routes) before its gap to
bks-distance-only.csv counts.
"""
import argparse
import math
import pathlib
import sys

try:
    import numpy as np
    from pyvrp import Client, Depot, Location, ProblemData, SolveParams, VehicleType, solve
    from pyvrp.stop import MaxRuntime
except ImportError:
    sys.exit("error: PyVRP is not installed; run `pip install pyvrp` (a peer for comparison, not a dependency)")

DATA = pathlib.Path(__file__).resolve().parent / "Data" / "solomon"
SCALE = 100


def read_instance(path):
    lines = [line.split() for line in path.read_text().splitlines() if line.strip()]
    fleet, capacity = (int(v) for v in lines[lines.index(["NUMBER", "CAPACITY"]) + 1])
    start = next(i for i, row in enumerate(lines) if row and row[0] == "CUST") + 1
    nodes = [tuple(float(v) for v in row) for row in lines[start:] if len(row) == 7]
    return fleet, capacity, nodes  # (number, x, y, demand, ready, due, service)


def problem(fleet, capacity, nodes):
    depot, customers = nodes[0], nodes[1:]
    scaled = lambda v: int(round(v * SCALE))
    locations = [Location(x=scaled(n[1]), y=scaled(n[2])) for n in nodes]
    data_clients = [
        Client(location=index + 1, delivery=[int(n[3])], service_duration=scaled(n[6]), tw_early=scaled(n[4]),
               tw_late=scaled(n[5]))
        for index, n in enumerate(customers)
    ]
    coords = [(n[1], n[2]) for n in nodes]
    exact = np.array([[math.dist(a, b) for b in coords] for a in coords])
    distance = np.rint(exact * SCALE).astype(np.int64)
    duration = np.ceil(exact * SCALE - 1e-9).astype(np.int64)
    return ProblemData(
        locations=locations,
        clients=data_clients,
        depots=[Depot(location=0, tw_early=scaled(depot[4]), tw_late=scaled(depot[5]))],
        vehicle_types=[VehicleType(num_available=fleet, capacity=[capacity], tw_early=scaled(depot[4]),
                                   tw_late=scaled(depot[5]))],
        distance_matrices=[distance],
        duration_matrices=[duration],
    ), exact


def check(routes, fleet, capacity, nodes, exact):
    """The routes' distance in double precision, or the first rule they break."""
    seen = []
    total = 0.0
    if len(routes) > fleet:
        return None, f"{len(routes)} routes, fleet {fleet}"
    for route in routes:
        load, time, at = 0.0, nodes[0][4], 0
        for customer in route:
            node = nodes[customer]
            time = max(time + exact[at][customer], node[4])
            if time > node[5] + 1e-6:
                return None, f"customer {customer} reached at {time:.3f} after {node[5]}"
            time += node[6]
            load += node[3]
            total += exact[at][customer]
            at = customer
            seen.append(customer)
        total += exact[at][0]
        if time + exact[at][0] > nodes[0][5] + 1e-6:
            return None, "back at the depot too late"
        if load > capacity:
            return None, f"load {load} over {capacity}"
    if sorted(seen) != list(range(1, len(nodes))):
        return None, "a customer missed or served twice"
    return total, None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=5)
    parser.add_argument("--only")
    args = parser.parse_args()
    reference = {}
    for line in (DATA / "bks-distance-only.csv").read_text().splitlines()[1:]:
        fields = line.split(",")
        reference[fields[0]] = float(fields[2])
    names = sorted((p.stem for p in (DATA / "instances").glob("*.txt")),
                   key=lambda n: ("".join(c for c in n if c.isalpha()), n))
    if args.only:
        names = [n for n in names if n in set(args.only.split(","))]
    print(f"PyVRP on Solomon VRPTW, {args.seconds:g} s per instance, seed 1")
    print("| instance | distance | vehicles | reference | gap % | feasible |")
    print("|---|---|---|---|---|---|")
    gaps, feasible = {}, 0
    for name in names:
        fleet, capacity, nodes = read_instance(DATA / "instances" / f"{name}.txt")
        data, exact = problem(fleet, capacity, nodes)
        result = solve(data, stop=MaxRuntime(args.seconds), seed=1, display=False, params=SolveParams())
        # A client activity's index counts the clients alone; the instance's nodes count the depot first.
        routes = [[activity.idx + 1 for activity in route if activity.is_client()] for route in result.best.routes()]
        distance, problem_found = check(routes, fleet, capacity, nodes, exact)
        ok = result.best.is_feasible() and distance is not None
        feasible += ok
        gap = (distance - reference[name]) / reference[name] * 100 if ok and name in reference else None
        family = "".join(c for c in name if c.isalpha()) + name.lstrip("CR")[0]
        if gap is not None:
            gaps.setdefault(family, []).append(gap)
        print(f"| {name} | {distance or 0:.2f} | {len(routes)} | {reference.get(name, 0):.2f} | "
              f"{'–' if gap is None else f'{gap:.2f}'} | {'yes' if ok else 'NO ' + str(problem_found)} |", flush=True)
    print("\n| family | instances | mean gap % |\n|---|---|---|")
    everything = []
    for family in ["C1", "C2", "R1", "R2", "RC1", "RC2"]:
        if family in gaps:
            everything += gaps[family]
            print(f"| {family} | {len(gaps[family])} | {sum(gaps[family]) / len(gaps[family]):.2f} |")
    print(f"| all | {len(everything)} | {sum(everything) / max(1, len(everything)):.2f} |")
    print(f"feasible: {feasible}/{len(names)}")


if __name__ == "__main__":
    main()
