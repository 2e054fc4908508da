"""Tests of the pure scheduling engine."""
