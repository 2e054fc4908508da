"""Files beside the database: backup names and room, swapping a checked file in, salvage."""
