"""Behaviour wiring between views and services."""
