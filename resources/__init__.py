"""Packaged data: default plans, message templates and icons."""
