"""Crash safety helpers shared by the jobs: stale leftovers of killed runs,
file modes, names built from data."""
