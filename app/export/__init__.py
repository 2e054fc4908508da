"""Writers and readers for calendar and contact files (pure functions over DTOs)."""
