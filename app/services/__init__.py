"""Use-case services: each public method is one unit of work returning DTOs."""
