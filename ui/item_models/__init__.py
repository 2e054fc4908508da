"""Qt item models whose paging, sorting and filtering happen in SQL via services."""
