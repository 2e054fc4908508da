"""Application core: services, scheduling, export and sync; plain Python, no Qt."""
