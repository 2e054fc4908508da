"""Follow-up plans: the shipped built-ins and the user's edits to them."""
