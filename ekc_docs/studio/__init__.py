"""`ekc studio`: a local editor in the browser for case and plan files (contract §6, §7)."""
