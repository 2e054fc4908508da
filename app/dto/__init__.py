"""Frozen dataclasses the services hand to the faces (never ORM objects)."""
