"""Benchmarks: python3 make.py bench."""
