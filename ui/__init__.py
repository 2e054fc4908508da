"""The faces of the planner: the desktop window and the command line (top floor)."""
