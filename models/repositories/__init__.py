"""Queries that take a Session and never commit."""
