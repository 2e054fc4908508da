"""Domain rules that work inside one unit of work (a session): the services call them."""
